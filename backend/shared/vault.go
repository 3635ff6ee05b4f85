package shared

import (
	"fmt"

	"proofkeys/backend/seal"
	"proofkeys/backend/vault"
)

// SetKey stages secret for the key it.KeyID: it is sealed and sent in the change that
// makes the key active, and never leaves this desktop otherwise.
func (o *Org) SetKey(secret string, it vault.Item) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.staged[it.KeyID] = secret
	return nil
}

// Get opens the envelope of the key id with this desktop's member identity.
func (o *Org) Get(id string) (string, error) {
	ctx, cancel := o.ctx()
	defer cancel()
	resp, err := o.client.Get(ctx, o.layout.sealed(id))
	if err != nil {
		return "", classify(err)
	}
	if len(resp.Kvs) == 0 {
		return "", fmt.Errorf("%w: no sealed secret for %s", vault.ErrNotFound, id)
	}
	env, err := decodeEnvelope(id, resp.Kvs[0].Value)
	if err != nil {
		return "", err
	}
	return seal.Open(env.Sealed, o.identity)
}

// Delete stages the removal of the key id's envelope, done in the change that marks the
// key deleted. A secret staged and never sent is forgotten at once.
func (o *Org) Delete(id string) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	delete(o.staged, id)
	o.removing[id] = true
	return nil
}

// Describe does nothing: an envelope has no label for a person to read.
func (o *Org) Describe(vault.Item) error { return nil }

// Items lists no OS vault items: a shared organization's secrets are envelopes on its
// server, never items of this computer's vault.
func (o *Org) Items(string, string) ([]vault.Item, error) { return nil, nil }

func (o *Org) stagedSecret(id string) (string, bool) {
	o.mu.Lock()
	defer o.mu.Unlock()
	s, ok := o.staged[id]
	return s, ok
}

func (o *Org) isRemoving(id string) bool {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.removing[id]
}
