package shared

import (
	"encoding/json"
	"fmt"

	"proofkeys/backend/store"
)

// envelope is a key's sealed secret as the server keeps it, with the members it was
// sealed to (what Exposed compares with the members who may copy keys now).
type envelope struct {
	To     []string `json:"to"`
	Sealed []byte   `json:"sealed"` // an age file (package seal)
}

func encodeEnvelope(e envelope) ([]byte, error) { return json.Marshal(e) }

func decodeEnvelope(keyID string, raw []byte) (envelope, error) {
	var e envelope
	if err := json.Unmarshal(raw, &e); err != nil {
		return e, fmt.Errorf("%w: sealed secret of %s: %w", store.ErrCorrupt, keyID, err)
	}
	return e, nil
}
