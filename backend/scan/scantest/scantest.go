// Package scantest makes what scan's tests and benchmark need: a data folder with an
// organization whose keys cover every verdict, and the secrets to plant, each with the
// verdict a scan must give it. The vault is a map here: the secrets are made up for the
// test and handed back to be planted, which is the opposite of what the app does.
package scantest

import (
	"crypto/rand"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"proofkeys/backend/apikey"
	"proofkeys/backend/keys"
	"proofkeys/backend/org"
	"proofkeys/backend/scan"
	"proofkeys/backend/store"
	pkvault "proofkeys/backend/vault"
)

// Key is a secret to plant and the verdict a scan must give it.
type Key struct {
	Secret  string
	Verdict scan.Verdict
	Name    string // the organization's name of the key, if it is one
}

// Org is a data folder holding one organization and what to plant.
type Org struct {
	Dir   string
	Owner string // the Owner's member ID
	// Keys has n of each verdict for an inventory that expects production keys: active,
	// expiring, replaced, deleted, another environment (sandbox keys of the organization),
	// not this organization's, client-only.
	Keys []Key
}

// NewOrg sets up an organization in the new data folder dir, with API access, and makes
// n keys of each verdict. The database is closed when it returns.
func NewOrg(dir string, n int) (Org, error) {
	st, err := store.Open(dir)
	if err != nil {
		return Org{}, err
	}
	defer st.Close()
	_, owner, err := org.New(st).Setup("Acme", "Dana", "dana@example.com")
	if err != nil {
		return Org{}, err
	}
	if err := enableAPI(st); err != nil {
		return Org{}, err
	}
	v := &vault{secrets: map[string]string{}}
	svc := keys.New(st, v, nil)
	o := Org{Dir: dir, Owner: owner.ID}
	for i := range n {
		if err := o.plantOrgKeys(svc, v, i); err != nil {
			return Org{}, err
		}
		for _, other := range others {
			s, err := other.shape.Generate(rand.Reader)
			if err != nil {
				return Org{}, err
			}
			o.Keys = append(o.Keys, Key{Secret: s, Verdict: other.verdict})
		}
	}
	return o, nil
}

// others are the keys of no organization: a full-access key and a client-only one.
var others = []struct {
	verdict scan.Verdict
	shape   apikey.Shape
}{{scan.NotOurs, apikey.Shapes[3]}, {scan.ClientOnly, apikey.Shapes[1]}}

// plantOrgKeys makes one organization key of each verdict, the i-th of its kind.
func (o *Org) plantOrgKeys(svc *keys.Service, v *vault, i int) error {
	gen := func(env apikey.Environment, verdict scan.Verdict) (apikey.Key, error) {
		k, err := svc.Generate(o.Owner, env)
		if err != nil {
			return k, err
		}
		name := fmt.Sprintf("%s key %d", verdict, i+1)
		settings := k.Settings
		settings.Name = name
		if k, err = svc.Configure(o.Owner, k.ID, settings); err != nil {
			return k, err
		}
		o.Keys = append(o.Keys, Key{Secret: v.get(k.ID), Verdict: verdict, Name: name})
		return k, nil
	}
	if _, err := gen(apikey.Production, scan.Active); err != nil {
		return err
	}
	if _, err := gen(apikey.Sandbox, scan.AnotherEnvironment); err != nil {
		return err
	}
	for _, r := range []struct {
		verdict scan.Verdict
		grace   time.Duration
	}{{scan.Expiring, 24 * time.Hour}, {scan.Replaced, time.Hour}} {
		k, err := gen(apikey.Production, r.verdict)
		if err != nil {
			return err
		}
		if _, err := svc.Replace(o.Owner, k.ID, r.grace); err != nil {
			return err
		}
	}
	// The replaced key's grace period ends, two hours from now (a replace without one
	// deletes the key as exposed, which Check a key calls deleted).
	now, later := svc.Now, time.Now().Add(2*time.Hour)
	svc.Now = func() time.Time { return later }
	_, err := svc.ExpireDue(later)
	svc.Now = now
	if err != nil {
		return err
	}
	k, err := gen(apikey.Production, scan.Deleted)
	if err != nil {
		return err
	}
	return svc.Delete(o.Owner, k.ID)
}

func enableAPI(st *store.Store) error {
	return st.Update(func(tx *store.Tx) error {
		o, err := tx.Org()
		if err != nil {
			return err
		}
		o.Enablement.APIAccess = true
		return tx.PutOrg(o)
	})
}

// Typo returns secret with one character of its random part changed, so that its
// checksum no longer holds: what a slip of the keyboard makes.
func Typo(secret string) string {
	sh, _ := apikey.ShapeOf(secret)
	b := []byte(secret)
	i := len(sh.Prefix) + apikey.RandomLength/2
	if b[i] == 'x' {
		b[i] = 'y'
	} else {
		b[i] = 'x'
	}
	return string(b)
}

// vault keeps the secrets in memory, so they can be handed back to be planted.
type vault struct {
	mu      sync.Mutex
	secrets map[string]string
}

var errNoSecret = errors.New("no such secret")

// SetKey keeps the secret under the item's key ID; labels and attributes mean nothing here.
func (v *vault) SetKey(secret string, it pkvault.Item) error {
	v.mu.Lock()
	defer v.mu.Unlock()
	v.secrets[it.KeyID] = secret
	return nil
}

// Describe has nothing to label in memory.
func (v *vault) Describe(pkvault.Item) error { return nil }

// Items cannot list by data folder, as on a vault that cannot.
func (v *vault) Items(string, string) ([]pkvault.Item, error) { return nil, pkvault.ErrNoListing }

func (v *vault) Get(id string) (string, error) {
	if s := v.get(id); s != "" {
		return s, nil
	}
	return "", errNoSecret
}

func (v *vault) get(id string) string {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.secrets[id]
}

func (v *vault) Delete(id string) error {
	v.mu.Lock()
	defer v.mu.Unlock()
	delete(v.secrets, id)
	return nil
}

// PlantTree writes each key into a file of its own under dir (src/VERDICT/config.env, on
// line 2, column 15, or numbered files when there are several of a verdict) and a typo of
// each into notes/. It returns the file, relative to dir, of each secret.
func (o Org) PlantTree(dir string) (map[string]string, error) {
	where := map[string]string{}
	for i, k := range o.Keys {
		rel := filepath.Join("src", string(k.Verdict), "config.env")
		if taken(where, rel) {
			rel = filepath.Join("src", string(k.Verdict), fmt.Sprintf("config%d.env", i))
		}
		if err := writeFile(dir, rel, "# settings\nPROOF_API_KEY="+k.Secret+"\n"); err != nil {
			return nil, err
		}
		where[k.Secret] = rel
		if err := writeFile(dir, filepath.Join("notes", fmt.Sprintf("typo%d.md", i)), "a key with a slip: "+Typo(k.Secret)+"\n"); err != nil {
			return nil, err
		}
	}
	return where, nil
}

// taken reports whether a secret was written to rel already.
func taken(where map[string]string, rel string) bool {
	for _, r := range where {
		if r == rel {
			return true
		}
	}
	return false
}

func writeFile(dir, rel, content string) error {
	path := filepath.Join(dir, rel)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, []byte(content), 0o644)
}
