package privatefile

import (
	"fmt"

	"github.com/google/renameio/v2/maybe"
)

// Write saves data at path. Windows cannot replace a file atomically, so renameio's
// fallback writes it in place.
func Write(path string, data []byte) error {
	if err := maybe.WriteFile(path, data, Mode); err != nil {
		return fmt.Errorf("save %s: %w", path, err)
	}
	return nil
}
