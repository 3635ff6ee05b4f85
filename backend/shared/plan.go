package shared

import (
	"fmt"

	clientv3 "go.etcd.io/etcd/client/v3"

	"proofkeys/backend/access"
	"proofkeys/backend/apikey"
	"proofkeys/backend/seal"
	"proofkeys/backend/store"
)

// plan turns what a rehearsal wrote into the change for the server, read in the
// rehearsal's transaction tx (so a seal sees the members as the change leaves them):
//
//   - a pending key: nothing (it does not exist for anyone else yet), nor its removal;
//   - a deleting key: the record as the active key it still is;
//   - an active key with a secret staged by SetKey: the record, and the secret sealed to
//     the members who may copy keys;
//   - a deleted key with a removal staged by Delete: the record, and the envelope removed,
//     on the condition that it is still there (else another desktop deleted it first);
//   - an audit event: signed by this desktop's member.
func (o *Org) plan(tx *store.Tx, changes []store.Change) (plan, error) {
	var p plan
	for _, c := range changes {
		value := c.Value
		if c.Bucket == store.BucketKeys {
			send, v, err := o.settle(tx, &p, c)
			if err != nil || !send {
				if err != nil {
					return p, err
				}
				continue
			}
			value = v
		}
		if c.Bucket == store.BucketAudit {
			if o.member == "" {
				return p, ErrNotJoined
			}
			value = o.signEvent(c.Key, c.Value)
		}
		p.writes = append(p.writes, write{o.layout.record(c.Bucket, c.Key), value})
	}
	return p, nil
}

// settle decides what of a key record is sent, and adds its envelope's writes to p.
func (o *Org) settle(tx *store.Tx, p *plan, c store.Change) (bool, []byte, error) {
	if c.Value == nil {
		return false, nil, nil // only a key that never became active is removed
	}
	k, err := store.DecodeKey(c.Value)
	if err != nil {
		return false, nil, fmt.Errorf("%w: key %s: %w", store.ErrCorrupt, c.Key, err)
	}
	switch k.State {
	case apikey.Pending:
		return false, nil, nil
	case apikey.Deleting:
		k.State, k.DeletedBy = apikey.Active, ""
		return true, store.EncodeKey(k), nil
	case apikey.Active:
		if secret, ok := o.stagedSecret(k.ID); ok {
			if err := o.sealInto(tx, p, k.ID, secret); err != nil {
				return false, nil, err
			}
			p.sealed = append(p.sealed, k.ID)
		}
	case apikey.Deleted:
		if o.isRemoving(k.ID) {
			key := o.layout.sealed(k.ID)
			p.writes = append(p.writes, write{key, nil})
			p.conds = append(p.conds, clientv3.Compare(clientv3.CreateRevision(key), ">", 0))
			p.removed = append(p.removed, k.ID)
		}
	}
	return true, c.Value, nil
}

// sealInto adds to p the envelope of the key id for the members who may copy keys, as tx
// has them.
func (o *Org) sealInto(tx *store.Tx, p *plan, id, secret string) error {
	to, err := copiers(tx)
	if err != nil {
		return err
	}
	env, err := sealTo(secret, to)
	if err != nil {
		return err
	}
	p.writes = append(p.writes, write{o.layout.sealed(id), env})
	return nil
}

// copiers are the members who may copy keys and have joined (published a recipient).
func copiers(tx *store.Tx) ([]access.Member, error) {
	o, err := tx.Org()
	if err != nil {
		return nil, fmt.Errorf("load organization: %w", err)
	}
	members, err := tx.Members()
	if err != nil {
		return nil, err
	}
	var out []access.Member
	for _, m := range members {
		if m.Recipient != "" && access.Can(m, o.Enablement, access.ManageKeys) == nil {
			out = append(out, m)
		}
	}
	return out, nil
}

// sealTo seals secret to members, and names them beside the envelope (envelope record).
func sealTo(secret string, members []access.Member) ([]byte, error) {
	recipients := make([]string, len(members))
	ids := make([]string, len(members))
	for i, m := range members {
		recipients[i], ids[i] = m.Recipient, m.ID
	}
	env, err := seal.Seal(secret, recipients)
	if err != nil {
		return nil, err
	}
	return encodeEnvelope(envelope{To: ids, Sealed: env})
}
