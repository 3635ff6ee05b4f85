package invite

import (
	"encoding/json"
	"fmt"
	"time"

	clientv3 "go.etcd.io/etcd/client/v3"
	"go.uber.org/zap"
)

// DialTimeout bounds the first connection to the server.
const DialTimeout = 5 * time.Second

// Connect opens a client to the organization's server with these credentials. Its log is
// discarded: etcd's client would otherwise write to the app's standard error.
func (c Credentials) Connect() (*clientv3.Client, error) {
	cfg, err := c.TLS()
	if err != nil {
		return nil, err
	}
	return clientv3.New(clientv3.Config{Endpoints: c.Endpoints, TLS: cfg, DialTimeout: DialTimeout, Logger: zap.NewNop()})
}

// Vault keeps secrets by ID (vault.Vault).
type Vault interface {
	Set(id, secret, label string) error
	Get(id string) (string, error)
}

// vaultID is where a desktop keeps its credentials for the organization under prefix.
func vaultID(prefix string) string { return "shared-credentials-" + prefix }

// Keep stores the credentials in the OS vault v (they hold this desktop's private key),
// so that the app connects again at its next start.
func (c Credentials) Keep(v Vault) error {
	raw, err := json.Marshal(c)
	if err != nil {
		return err
	}
	return v.Set(vaultID(c.Prefix), string(raw), "proofkeys: connection to the shared organization "+c.Prefix)
}

// Kept reads the credentials Keep stored for the organization under prefix.
func Kept(v Vault, prefix string) (Credentials, error) {
	var c Credentials
	raw, err := v.Get(vaultID(prefix))
	if err != nil {
		return c, err
	}
	if err := json.Unmarshal([]byte(raw), &c); err != nil {
		return c, fmt.Errorf("this computer's connection to the shared organization is not readable: %w", err)
	}
	return c, nil
}
