package shared

import (
	"fmt"

	clientv3 "go.etcd.io/etcd/client/v3"

	"proofkeys/backend/seal"
	"proofkeys/backend/store"
)

// Join connects this desktop to the organization under prefix as memberID (whom an
// invite code named): the member's keys are read from their OS vault v (made and kept
// there the first time), the organization is copied into local, and the public halves of
// the keys are published in the member's record, so that new envelopes are sealed to
// them and every desktop can verify their events. Keys made before they joined reach them
// when an Owner's or Admin's desktop runs Reseal.
func Join(client *clientv3.Client, prefix string, local *store.Store, v seal.Vault, memberID string) (*Org, error) {
	id, err := seal.LoadOrCreate(v, memberID)
	if err != nil {
		return nil, err
	}
	o, err := Open(client, prefix, local, id, memberID)
	if err != nil {
		return nil, err
	}
	return o, o.publish()
}

// publish writes this desktop's public keys into its member's record, and the signing
// key where it stays after the member leaves.
func (o *Org) publish() error {
	signers := write{o.layout.signer(o.member, o.identity.SigningKey()), []byte(o.identity.SigningKey())}
	return o.commit(o.rehearsal(func(tx *store.Tx) error {
		m, err := tx.Member(o.member)
		if err != nil {
			return fmt.Errorf("join as member %s: %w", o.member, err)
		}
		m.Recipient, m.SigningKey = o.identity.Recipient(), o.identity.SigningKey()
		return tx.PutMember(m)
	}, signers))
}
