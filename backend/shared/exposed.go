package shared

import (
	clientv3 "go.etcd.io/etcd/client/v3"

	"proofkeys/backend/access"
	"proofkeys/backend/store"
)

// Exposed lists the keys whose secret was sealed to someone who may no longer copy keys
// (a member removed, demoted, or whose grant was taken back): they could have kept a
// copy, so the page flags each one "Replace: a former member could copy it". A
// replacement is sealed to the members of now only, and the old key's envelope goes with
// its deletion.
func (o *Org) Exposed(memberID string) ([]string, error) {
	now := map[string]bool{}
	err := o.View(func(tx *store.Tx) error {
		if _, _, err := tx.Authorize(memberID, access.ViewKeys); err != nil {
			return err
		}
		members, err := copiers(tx)
		for _, m := range members {
			now[m.ID] = true
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	ctx, cancel := o.ctx()
	defer cancel()
	resp, err := o.client.Get(ctx, o.layout.sealedAll(), clientv3.WithPrefix())
	if err != nil {
		return nil, classify(err)
	}
	var exposed []string
	for _, kv := range resp.Kvs {
		id := string(kv.Key[len(o.layout.sealedAll()):])
		env, err := decodeEnvelope(id, kv.Value)
		if err != nil {
			return nil, err
		}
		for _, m := range env.To {
			if !now[m] {
				exposed = append(exposed, id)
				break
			}
		}
	}
	return exposed, nil
}
