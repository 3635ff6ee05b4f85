package cli

import (
	"cmp"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	"proofkeys/backend/access"
	"proofkeys/backend/apikey"
	"proofkeys/backend/audit"
	"proofkeys/backend/store"
)

// seedCommand is `proofkeys seed`, for benchmarks and demos of scale only: it fills a new
// data folder with made-up keys and history. Every key is named "Seeded key N" and the
// organization "Seeded organization", so nobody mistakes them for real ones. No secret
// exists for any of them: the records are written straight to the database, never to the
// vault, with random fingerprints. It refuses a folder that holds a real organization.
var seedCommand = command{
	summary: "fill a new data folder with made-up keys and events, for benchmarks (--keys, --events)",
	run:     runSeed,
}

// SeededOrg is the name of the organization seed makes; seed adds only to that one.
const SeededOrg = "Seeded organization"

// seededOrgID is a fixed Organization ID with its check character, so seeded folders
// look alike and a code can be issued for them.
const seededOrgID = "org_5EEDED0RG0002"

// seedEpoch is the fixed "now" of seeded data, so that two runs make the same ages.
var seedEpoch = time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)

// seedBatch events or keys are written per transaction.
const seedBatch = 5000

func runSeed(env Env, args []string) int {
	flags := newFlags("seed", env,
		"Usage: proofkeys seed --data-dir DIR [--keys N] [--events N]",
		"For benchmarks: writes made-up \"Seeded key N\" records, without secrets, into a new data folder.",
		"Exit codes: 0 ok, 1 failed (or the folder holds a real organization), 2 wrong command line.",
	)
	dataDir := flags.String("data-dir", "", "the data folder to fill, `DIR` (required; a new or seeded one)")
	nKeys := flags.Int("keys", 10000, "how many keys, `N`")
	nEvents := flags.Int("events", 100000, "how many audit events in all, `N` (a generate per key, then copies)")
	if code, ok := flags.parse(args); !ok {
		return code
	}
	if *dataDir == "" || *nKeys < 0 || *nEvents < 0 {
		return flags.fail("--data-dir is required, and --keys and --events must not be negative")
	}
	start := time.Now()
	if err := Seed(*dataDir, *nKeys, *nEvents); err != nil {
		return openFailed(env, "seed", err)
	}
	fmt.Fprintf(env.Stdout, "seeded %d keys and %d events into %s in %s\n", *nKeys, max(*nEvents, *nKeys),
		*dataDir, time.Since(start).Round(time.Millisecond))
	return ExitOK
}

// errRealData: seed was pointed at a folder with a real organization.
var errRealData = errors.New("this folder holds a real organization; seed only fills a new folder")

// Seed fills dataDir as `proofkeys seed` does; benchmarks use it to make their data the
// same way. The same counts make the same data.
func Seed(dataDir string, nKeys, nEvents int) error {
	st, err := store.Open(dataDir)
	if err != nil {
		return err
	}
	defer st.Close()
	rng := rand.New(rand.NewPCG(uint64(nKeys), uint64(nEvents)))
	members, err := seedOrg(st)
	if err != nil {
		return err
	}
	keys := seedKeys(rng, members, nKeys)
	for i := 0; i < len(keys); i += seedBatch {
		batch := keys[i:min(i+seedBatch, len(keys))]
		err := st.Update(func(tx *store.Tx) error {
			for j := range batch {
				if batch[j].Seq, err = tx.NextKeySeq(batch[j].Environment); err != nil {
					return err
				}
				if err := tx.PutKey(batch[j]); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	events := seedEvents(rng, members, keys, nEvents)
	for i := 0; i < len(events); i += seedBatch {
		err := st.Update(func(tx *store.Tx) error {
			for _, e := range events[i:min(i+seedBatch, len(events))] {
				if _, err := tx.AppendEvent(e); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// seedOrg makes the seeded organization with API access and its Owner, or finds it.
func seedOrg(st *store.Store) ([]access.Member, error) {
	var members []access.Member
	err := st.Update(func(tx *store.Tx) error {
		o, err := tx.Org()
		switch {
		case errors.Is(err, store.ErrNotFound):
			o = access.Org{ID: seededOrgID, Name: SeededOrg, CreatedAt: seedEpoch.AddDate(-2, 0, 0),
				Enablement: access.Enablement{APIAccess: true}, Settings: access.DefaultSettings}
			if err := tx.PutOrg(o); err != nil {
				return err
			}
			// Seeded keys have no secret in the vault: there is nothing for the app's
			// one-time labelling of vault items (keys.LabelVaultItems) to look up, key by key.
			if err := tx.SetVaultItemsLabelled(); err != nil {
				return err
			}
		case err != nil:
			return err
		case o.Name != SeededOrg:
			return errRealData
		}
		// One member, the Owner: with more, the app would ask who is signing in.
		for i, role := range []access.Role{access.Owner} {
			m := access.Member{ID: fmt.Sprintf("mem_seeded%d", i+1), Name: fmt.Sprintf("Seeded member %d", i+1),
				Email: fmt.Sprintf("seeded%d@example.com", i+1), Role: role, CreatedAt: o.CreatedAt, ManageAPIKeys: true}
			if err := tx.PutMember(m); err != nil {
				return err
			}
			members = append(members, m)
		}
		return nil
	})
	return members, err
}

// seedKeys makes n keys, aged up to a year and a half; one in ten is deleted.
func seedKeys(rng *rand.Rand, members []access.Member, n int) []apikey.Key {
	keys := make([]apikey.Key, n)
	for i := range keys {
		env := apikey.Production
		if rng.IntN(10) < 3 {
			env = apikey.Sandbox
		}
		created := seedEpoch.Add(-time.Duration(rng.Int64N(int64(540 * 24 * time.Hour))))
		k := apikey.Key{
			ID: fmt.Sprintf("key_seeded%07d", i+1), Environment: env, Access: apikey.FullAccess,
			Fingerprint: fmt.Sprintf("%016x%016x%016x%016x", rng.Uint64(), rng.Uint64(), rng.Uint64(), rng.Uint64()),
			Last4:       fmt.Sprintf("%04d", rng.IntN(10000)), State: apikey.Active,
			Settings:  apikey.DefaultSettings(fmt.Sprintf("Seeded key %d", i+1)),
			CreatedAt: created, CreatedBy: members[rng.IntN(len(members))].ID, UpdatedAt: created,
		}
		if rng.IntN(10) == 0 {
			k.State, k.DeletedBy = apikey.Deleted, members[rng.IntN(len(members))].ID
			k.DeletedAt = created.Add(time.Duration(rng.Int64N(int64(seedEpoch.Sub(created)) + 1)))
		}
		keys[i] = k
	}
	return keys
}

// seedEvents makes a generate event per key (as many as n allows) and copies for the
// rest, in time order.
func seedEvents(rng *rand.Rand, members []access.Member, keys []apikey.Key, n int) []audit.Event {
	events := make([]audit.Event, 0, max(n, len(keys)))
	for _, k := range keys[:min(n, len(keys))] {
		events = append(events, seedEvent(members, k.CreatedBy, audit.KeyGenerated, k, k.CreatedAt))
	}
	for len(events) < n && len(keys) > 0 {
		k := keys[rng.IntN(len(keys))]
		end := seedEpoch
		if !k.DeletedAt.IsZero() {
			end = k.DeletedAt
		}
		at := k.CreatedAt.Add(time.Duration(rng.Int64N(int64(end.Sub(k.CreatedAt)) + 1)))
		events = append(events, seedEvent(members, members[rng.IntN(len(members))].ID, audit.KeyCopied, k, at))
	}
	slices.SortStableFunc(events, func(a, b audit.Event) int { return cmp.Compare(a.Time.UnixNano(), b.Time.UnixNano()) })
	return events
}

func seedEvent(members []access.Member, actor string, a audit.Action, k apikey.Key, at time.Time) audit.Event {
	name := actor
	for _, m := range members {
		if m.ID == actor {
			name = m.Name
		}
	}
	return audit.Event{Time: at.UTC(), Actor: actor, ActorName: name, Action: a, KeyID: k.ID,
		KeyName: k.Settings.Name, Detail: string(k.Environment) + " " + k.Hint()}
}
