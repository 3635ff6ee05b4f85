package ui

import (
	"fmt"
	"time"

	"proofkeys/backend/apikey"
	"proofkeys/backend/keys"
)

// Keys is the API Keys page: list, generate, configure, copy, replace, delete and check.
type Keys struct{ c *core }

// KeyView is a key as the list shows it: never the secret, only its hint.
type KeyView struct {
	ID          string       `json:"id"`
	Environment string       `json:"environment"`
	Hint        string       `json:"hint"`
	CreatedAt   string       `json:"createdAt"` // RFC 3339
	CreatedBy   string       `json:"createdBy"` // the member's name
	Name        string       `json:"name"`
	Payer       apikey.Payer `json:"payer"`
	// Settings are every setting of the key. KeyPage leaves them out (KeySettings has
	// them): the list sends only what it shows.
	Settings *apikey.Settings `json:"settings,omitempty"`

	// A replace's links and grace period, and the rotation flag.
	ExpiresAt       string `json:"expiresAt,omitempty"` // RFC 3339: the old key is deleted then
	ReplacedBy      string `json:"replacedBy,omitempty"`
	ReplacedByLabel string `json:"replacedByLabel,omitempty"`
	Replaces        string `json:"replaces,omitempty"`
	ReplacesLabel   string `json:"replacesLabel,omitempty"`
	RotationDue     bool   `json:"rotationDue"`
	// Copied says the secret was copied at least once, so the list can find keys made
	// and never put to use. Only KeyPage fills it in; other views leave it false.
	Copied bool `json:"copied"`
	// Exposed: in a shared organization, a member who may no longer copy keys could copy
	// this one, so it should be replaced. Only KeyPage fills it in.
	Exposed bool `json:"exposed"`
}

// ReplaceView is the outcome of a replace, for the UI to show both rows and say what to
// do next.
type ReplaceView struct {
	New        KeyView `json:"new"`
	Old        KeyView `json:"old"`
	OldDeleted bool    `json:"oldDeleted"`
}

// CopyView says how long the copied key stays on the clipboard: 0 is until the app quits.
type CopyView struct {
	ClearAfterSeconds int `json:"clearAfterSeconds"`
}

// listKeys returns the live keys of e, oldest first, as KeyPage reads them, read through ks.
func (x *Keys) listKeys(s *services, ks *keys.Service, e apikey.Environment) ([]KeyView, error) {
	member := x.c.member(s)
	list, err := ks.List(member, e)
	if err != nil {
		return nil, err
	}
	return viewsOf(s, ks, member, list)
}

// viewsOf returns the views of list, in its order, as the API Keys list shows them.
func viewsOf(s *services, ks *keys.Service, member string, list []apikey.Key) ([]KeyView, error) {
	copied, err := ks.Copied(member, list)
	if err != nil {
		return nil, err
	}
	view := keyViewer(s)
	views := make([]KeyView, 0, len(list))
	for _, k := range list {
		v := view(k)
		v.Copied, v.Settings = copied[k.ID], nil
		v.Exposed = s.shared != nil && s.shared.isExposed(k.ID)
		views = append(views, v)
	}
	return views, nil
}

// KeySettings returns every setting of the live key id, for its settings panel.
func (x *Keys) KeySettings(id string) (apikey.Settings, error) {
	return with(x.c, func(s *services) (apikey.Settings, error) {
		return s.keys.Settings(x.c.member(s), id)
	})
}

// GenerateKey makes a full-access key with default settings in env.
func (x *Keys) GenerateKey(env string) (KeyView, error) {
	return withEnv(x.c, env, func(s *services, e apikey.Environment) (KeyView, error) {
		k, err := s.keys.Generate(x.c.member(s), e)
		if err != nil {
			return KeyView{}, err
		}
		return keyViewer(s)(k), nil
	})
}

// SaveKeySettings validates and saves the settings of a key. Invalid fields come back as
// an error whose fields map names each one.
func (x *Keys) SaveKeySettings(id string, settings apikey.Settings) (KeyView, error) {
	return with(x.c, func(s *services) (KeyView, error) {
		k, err := s.keys.Configure(x.c.member(s), id, settings)
		if err != nil {
			return KeyView{}, err
		}
		return keyViewer(s)(k), nil
	})
}

// CopyKey puts the key's secret on the system clipboard. The secret goes from the vault
// to the clipboard in Go; the UI only learns that it worked, and when Go will clear it.
func (x *Keys) CopyKey(id string) (CopyView, error) {
	return with(x.c, func(s *services) (CopyView, error) {
		after, err := s.keys.Copy(x.c.member(s), id)
		return CopyView{ClearAfterSeconds: int(after / time.Second)}, err
	})
}

// DeleteKey deletes the key from the vault and marks it deleted.
func (x *Keys) DeleteKey(id string) error {
	s, err := x.c.services()
	if err != nil {
		return err
	}
	return s.keys.Delete(x.c.member(s), id)
}

// ReplaceKey makes a new key with the same name and settings as id, and keeps the old one
// usable for graceHours (0, 1, 24 or 168), after which it is deleted. With 0 (the
// "compromised or exposed" path) the old key is deleted at once. graceHours is a pointer
// so that a missing value is refused, never read as 0, which would delete the old key.
func (x *Keys) ReplaceKey(id string, graceHours *int) (ReplaceView, error) {
	return with(x.c, func(s *services) (ReplaceView, error) {
		if graceHours == nil {
			return ReplaceView{}, fmt.Errorf("%w: none given", keys.ErrGracePeriod)
		}
		r, err := s.keys.Replace(x.c.member(s), id, time.Duration(*graceHours)*time.Hour)
		if err != nil && r.New.ID == "" {
			return ReplaceView{}, err
		}
		// With err set here the new key is made but the old one could not be deleted yet:
		// the UI shows both rows and the error says what happens next.
		view := keyViewer(s)
		return ReplaceView{New: view(r.New), Old: view(r.Old), OldDeleted: r.Old.State == apikey.Deleted}, err
	})
}

// withEnv is with, for calls that name an environment: the name is checked first.
func withEnv[T any](c *core, env string, f func(*services, apikey.Environment) (T, error)) (T, error) {
	return with(c, func(s *services) (T, error) {
		e, err := apikey.ParseEnvironment(env)
		if err != nil {
			var zero T
			return zero, err
		}
		return f(s, e)
	})
}

// keyViewer returns a function that turns keys into views. What keys share (the rotation
// policy, the names of members and of linked keys) it reads once per list, not per key.
func keyViewer(s *services) func(apikey.Key) KeyView {
	rotationDays := rotationDays(s)
	now := s.keys.Now()
	member := cached(s.orgs.MemberName)
	label := cached(s.keys.Label)
	return func(k apikey.Key) KeyView {
		v := KeyView{
			ID:          k.ID,
			Environment: string(k.Environment),
			Hint:        k.Hint(),
			CreatedAt:   stamp(k.CreatedAt),
			CreatedBy:   member(k.CreatedBy),
			Name:        k.Settings.Name,
			Payer:       k.Settings.Payer,
			Settings:    &k.Settings,
			ExpiresAt:   stamp(k.ExpiresAt),
			RotationDue: k.DueForRotation(rotationDays, now),
		}
		v.ReplacedBy, v.ReplacedByLabel = k.ReplacedBy, label(k.ReplacedBy)
		v.Replaces, v.ReplacesLabel = k.Replaces, label(k.Replaces)
		return v
	}
}

// rotationDays is the organization's rotation policy, in days: 0 (off) if it cannot be read.
func rotationDays(s *services) int {
	if p, err := s.orgs.Policies(); err == nil {
		return p.RotationDays
	}
	return 0
}

// cached remembers lookup's answer per ID for the life of one call.
func cached(lookup func(id string) string) func(string) string {
	seen := map[string]string{}
	return func(id string) string {
		v, ok := seen[id]
		if !ok {
			v = lookup(id)
			seen[id] = v
		}
		return v
	}
}

// stamp is RFC 3339 in UTC, or "" for the zero time.
func stamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}
