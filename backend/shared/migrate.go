package shared

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"

	clientv3 "go.etcd.io/etcd/client/v3"

	"proofkeys/backend/access"
	"proofkeys/backend/apikey"
	"proofkeys/backend/audit"
	"proofkeys/backend/store"
)

// Secrets reads the single-desktop organization's secrets (vault.Vault).
type Secrets interface {
	Get(id string) (string, error)
}

// moveBatch bounds the writes of one change of a move: etcd refuses a transaction of more
// than 128 operations unless told otherwise, and the head takes one.
const moveBatch = 120

// moved is the history a move brings, read from the single desktop's file.
type moved struct {
	first  []store.Change // the organization, its members and the key counters
	keys   []store.Change
	events []store.Change
	last   audit.Event // the log's last event (Seq 0: none)
}

// Migrate moves the single-desktop organization in local to the server, as its Owner
// memberID, whose identity this Org holds: every record as it is (the audit chain keeps
// its hashes, and the mover signs the history as a whole), and every active key's secret,
// read from secrets, sealed to the mover; Reseal adds the others as they join. A move
// that stopped half-way is finished by running it again.
func (o *Org) Migrate(local *store.Store, secrets Secrets, memberID string) error {
	ctx, cancel := o.ctx()
	defer cancel()
	if err := o.unfinished(ctx); err != nil {
		return err
	}
	m, err := readMove(local, memberID)
	if err != nil {
		return err
	}
	o.member = memberID
	if err := o.moveFirst(m); err != nil {
		return fmt.Errorf("move the organization and its members: %w", err)
	}
	for start := 0; start < len(m.keys); start += moveBatch / 2 {
		batch := m.keys[start:min(start+moveBatch/2, len(m.keys))]
		if err := o.moveKeys(batch, secrets); err != nil {
			return fmt.Errorf("move keys %d to %d: %w", start+1, start+len(batch), err)
		}
	}
	done, err := o.lastEvent()
	if err != nil {
		return err
	}
	for start := 0; start < len(m.events); start += moveBatch {
		batch := m.events[start:min(start+moveBatch, len(m.events))]
		if err := o.moveEvents(batch, done); err != nil {
			return fmt.Errorf("move events %d to %d: %w", start+1, start+len(batch), err)
		}
	}
	return o.finishMove(m)
}

// unfinished accepts an empty place on the server, or a move that stopped before its end.
func (o *Org) unfinished(ctx context.Context) error {
	resp, err := o.client.Get(ctx, o.layout.record(store.BucketOrg, []byte("org")), clientv3.WithCountOnly())
	if err != nil {
		return classify(err)
	}
	if resp.Count == 0 {
		return nil
	}
	if err := o.Sync(ctx); err != nil {
		return err
	}
	var m movedRecord
	err = o.local.View(func(tx *store.Tx) error { return json.Unmarshal(tx.Local(localMoved), &m) })
	if err != nil || m.Done {
		return ErrNotEmpty
	}
	return nil
}

// readMove reads what the move sends, and checks that it can be sent: the mover is an
// Owner, and no change is half done.
func readMove(local *store.Store, memberID string) (moved, error) {
	var m moved
	err := local.View(func(tx *store.Tx) error {
		if _, _, err := tx.Authorize(memberID, access.ManageMembers); err != nil {
			return err
		}
		last, _, err := tx.LastEvent()
		m.last = last
		if err != nil {
			return err
		}
		return tx.SharedRecords(func(c store.Change) error {
			switch c.Bucket {
			case store.BucketKeys:
				m.keys = append(m.keys, c)
			case store.BucketAudit:
				m.events = append(m.events, c)
			default:
				m.first = append(m.first, c)
			}
			return nil
		})
	})
	if err != nil {
		return m, fmt.Errorf("read the organization on this computer: %w", err)
	}
	return m, nil
}

// moveFirst sends the organization, its members (the mover with their public keys) and
// the key counters, with the mover's signing key and the signed record of the history.
func (o *Org) moveFirst(m moved) error {
	raw, err := json.Marshal(o.movedRecord(m))
	if err != nil {
		return err
	}
	key := o.identity.SigningKey()
	writes := []write{{o.layout.signer(o.member, key), []byte(key)}, {o.layout.moved(), raw}}
	for _, c := range m.first {
		if c.Bucket == store.BucketMembers && string(c.Key) == o.member {
			if c.Value, err = o.withKeys(c.Value); err != nil {
				return err
			}
		}
		writes = append(writes, write{o.layout.record(c.Bucket, c.Key), c.Value})
	}
	return o.commit(func() (plan, error) { return plan{writes: writes}, nil })
}

// withKeys is the mover's member record with the public halves of their keys.
func (o *Org) withKeys(record []byte) ([]byte, error) {
	var m access.Member
	if err := json.Unmarshal(record, &m); err != nil {
		return nil, fmt.Errorf("%w: member %s: %w", store.ErrCorrupt, o.member, err)
	}
	m.Recipient, m.SigningKey = o.identity.Recipient(), o.identity.SigningKey()
	return json.Marshal(m)
}

// moveKeys sends key records, each active key with its secret sealed to the mover.
func (o *Org) moveKeys(batch []store.Change, secrets Secrets) error {
	var writes []write
	mover := []access.Member{{ID: o.member, Recipient: o.identity.Recipient()}}
	for _, c := range batch {
		k, err := store.DecodeKey(c.Value)
		if err != nil {
			return fmt.Errorf("%w: key %s: %w", store.ErrCorrupt, c.Key, err)
		}
		switch k.State {
		case apikey.Pending, apikey.Deleting:
			return ErrUnfinished
		case apikey.Active:
			env, err := o.sealFrom(k, secrets, mover)
			if err != nil {
				return err
			}
			writes = append(writes, write{o.layout.sealed(k.ID), env})
		}
		writes = append(writes, write{o.layout.record(c.Bucket, c.Key), c.Value})
	}
	return o.commit(func() (plan, error) { return plan{writes: writes}, nil })
}

// sealFrom seals the secret of k, read from secrets and checked against its record, to members.
func (o *Org) sealFrom(k apikey.Key, secrets Secrets, members []access.Member) ([]byte, error) {
	secret, err := secrets.Get(k.ID)
	if err != nil {
		return nil, fmt.Errorf("read the secret of %s: %w", k.Settings.Name, err)
	}
	if apikey.Fingerprint(secret) != k.Fingerprint {
		return nil, fmt.Errorf("the secret of %s does not match its record; run Check first", k.Settings.Name)
	}
	return sealTo(secret, members)
}

// lastEvent is the number of the copy's last event (0: none): the server's, once synced,
// so that a move run again sends only the events the first run did not.
func (o *Org) lastEvent() (uint64, error) {
	var last audit.Event
	err := o.local.View(func(tx *store.Tx) (err error) {
		last, _, err = tx.LastEvent()
		return err
	})
	return last.Seq, err
}

// moveEvents sends the events the server does not have yet, unsigned: the moved
// record's signature covers them through the chain.
func (o *Org) moveEvents(batch []store.Change, done uint64) error {
	var writes []write
	for _, c := range batch {
		if binary.BigEndian.Uint64(c.Key) > done {
			writes = append(writes, write{o.layout.record(c.Bucket, c.Key), signed(signature{}, c.Value)})
		}
	}
	if len(writes) == 0 {
		return nil
	}
	return o.commit(func() (plan, error) { return plan{writes: writes}, nil })
}

// finishMove marks the move done: the place on the server is no longer free for one.
func (o *Org) finishMove(m moved) error {
	rec := o.movedRecord(m)
	rec.Done = true
	raw, err := json.Marshal(rec)
	if err != nil {
		return err
	}
	return o.commit(func() (plan, error) { return plan{writes: []write{{o.layout.moved(), raw}}}, nil })
}

// movedRecord is m's history signed by this desktop's member.
func (o *Org) movedRecord(m moved) movedRecord {
	rec := movedRecord{Mover: o.member, MoverKey: o.identity.SigningKey(), Seq: m.last.Seq, Hash: m.last.Hash}
	rec.Sig = o.identity.Sign(o.movedMessage(rec))
	return rec
}
