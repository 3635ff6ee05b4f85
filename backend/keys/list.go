package keys

import (
	"cmp"
	"slices"
	"strings"

	"proofkeys/backend/access"
	"proofkeys/backend/apikey"
	"proofkeys/backend/store"
)

// List returns the active keys of env, oldest first, as the page lists them.
func (s *Service) List(memberID string, env apikey.Environment) ([]apikey.Key, error) {
	var list []apikey.Key
	err := s.Store.View(func(tx *store.Tx) error {
		if _, _, err := tx.Authorize(memberID, access.ViewKeys); err != nil {
			return err
		}
		var err error
		list, err = tx.KeysWhere(func(k *apikey.Key) bool {
			return k.Environment == env && k.State == apikey.Active
		})
		return err
	})
	slices.SortFunc(list, func(a, b apikey.Key) int {
		return cmp.Compare(a.Seq, b.Seq)
	})
	return list, err
}

// CanView returns nil when the member may see the keys: for a reader that kept what List
// returned and must still ask on every call.
func (s *Service) CanView(memberID string) error {
	return s.Store.View(func(tx *store.Tx) error {
		_, _, err := tx.Authorize(memberID, access.ViewKeys)
		return err
	})
}

// Newest returns the n newest live keys of env, as the API Keys list orders them: made
// latest first and, of the same second, the later made first. Every live key of env is
// shown to see, read in place (store.Tx.EachKey: it must not keep the key or its
// strings), so the caller can count them. Only the n returned are read out of the file:
// the list's first screen costs a walk of the keys, not a read of them all.
func (s *Service) Newest(memberID string, env apikey.Environment, n int, see func(*apikey.Key)) ([]apikey.Key, error) {
	type made struct {
		second int64
		seq    uint64
		id     string
	}
	var live []made
	var newest []apikey.Key
	err := s.Store.View(func(tx *store.Tx) error {
		if _, _, err := tx.Authorize(memberID, access.ViewKeys); err != nil {
			return err
		}
		err := tx.EachKey(func(k *apikey.Key) {
			if k.Environment == env && k.State == apikey.Active {
				see(k)
				live = append(live, made{k.CreatedAt.Unix(), k.Seq, strings.Clone(k.ID)})
			}
		})
		if err != nil {
			return err
		}
		slices.SortFunc(live, func(a, b made) int { return cmp.Or(cmp.Compare(b.second, a.second), cmp.Compare(b.seq, a.seq)) })
		for _, m := range live[:min(n, len(live))] {
			k, err := tx.Key(m.id)
			if err != nil {
				return err
			}
			newest = append(newest, k)
		}
		return nil
	})
	return newest, err
}
