package cli

import (
	"encoding/json"
	"io"
	"time"

	"proofkeys/backend/apikey"
	"proofkeys/backend/audit"
	"proofkeys/backend/keys"
)

// verdictJSON is check-key's answer for a script: the verdict, the key it is (never the
// text read), the key that works now in its place, and the line a person would read.
// Times are RFC 3339 in UTC to the second; what does not apply is null.
type verdictJSON struct {
	Verdict  keys.Verdict `json:"verdict"`
	OK       bool         `json:"ok"`
	Message  string       `json:"message"`
	Key      *checkedKey  `json:"key"`
	WorksNow *checkedKey  `json:"worksNow"`
	Position *int         `json:"position"` // where an invalid text differs, from 1
	Exposed  bool         `json:"deletedAsExposed"`
	Problem  *string      `json:"problem"`
}

type checkedKey struct {
	ID          string  `json:"id"`
	Name        string  `json:"name"`
	Environment string  `json:"environment"`
	Key         string  `json:"key"` // the hint
	State       string  `json:"state"`
	StateLabel  string  `json:"stateLabel"`
	CreatedAt   *string `json:"createdAt"`
	ExpiresAt   *string `json:"expiresAt"`
	DeletedAt   *string `json:"deletedAt"`
}

func writeVerdictJSON(w io.Writer, r keys.CheckResult) error {
	v := verdictJSON{Verdict: r.Verdict, OK: r.Verdict == keys.CheckActive, Message: verdictLine(r),
		Key: checkedOf(r.Key), WorksNow: checkedOf(r.Replacement), Exposed: r.Key.Exposed}
	if r.Position > 0 {
		v.Position = &r.Position
	}
	if r.Problem != nil {
		p := r.Problem.Error()
		v.Problem = &p
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

func checkedOf(k apikey.Key) *checkedKey {
	if k.ID == "" {
		return nil
	}
	return &checkedKey{ID: k.ID, Name: k.Settings.Name, Environment: string(k.Environment), Key: k.Hint(),
		State: string(k.Standing()), StateLabel: k.Standing().Label(),
		CreatedAt: stampOrNull(k.CreatedAt), ExpiresAt: stampOrNull(k.ExpiresAt), DeletedAt: stampOrNull(k.DeletedAt)}
}

// stampOrNull is audit.Stamp, or nil (null) for none.
func stampOrNull(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := audit.Stamp(t)
	return &s
}
