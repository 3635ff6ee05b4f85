package invite

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"time"

	clientv3 "go.etcd.io/etcd/client/v3"
)

// OpenPrefix is where the server keeps open invites, by the hash of their token.
const OpenPrefix = "/proofkeys-server/invites/"

// MaxTTL is the longest an invite code stays good.
const MaxTTL = 7 * 24 * time.Hour

// ErrBadExpiry means an invite must expire, and within a week.
var ErrBadExpiry = errors.New("an invite code must expire within a week")

// Open is what the server keeps of an invite until it is used or expires.
type Open struct {
	Expires time.Time `json:"expires"`
	Prefix  string    `json:"prefix"`
	Member  string    `json:"member,omitempty"`
}

// Make opens a one-time invite on the server through client and returns its code: base
// says where the server and the organization are; member is who the code is for ("" for
// the first desktop of an organization). The server keeps only the token's hash, with a
// lease that removes it after the code expires.
func Make(ctx context.Context, client *clientv3.Client, base Code, member string, ttl time.Duration, now time.Time) (Code, error) {
	if ttl <= 0 || ttl > MaxTTL {
		return Code{}, ErrBadExpiry
	}
	raw := make([]byte, 32)
	_, _ = rand.Read(raw) // crypto/rand does not fail
	c := base
	c.Token, c.Member, c.Expires = base64.RawURLEncoding.EncodeToString(raw), member, now.Add(ttl).UTC()
	lease, err := client.Grant(ctx, int64(ttl/time.Second)+60)
	if err != nil {
		return Code{}, fmt.Errorf("keep the invite: %w", err)
	}
	value, _ := json.Marshal(Open{Expires: c.Expires, Prefix: c.Prefix, Member: member}) // cannot fail
	if _, err := client.Put(ctx, OpenPrefix+TokenID(c.Token), string(value), clientv3.WithLease(lease.ID)); err != nil {
		return Code{}, fmt.Errorf("keep the invite: %w", err)
	}
	return c, nil
}

// Invite makes a code to the same organization on the same server, from a desktop that
// joined with these credentials (an Owner's or Admin's: the caller checks the right).
func (c Credentials) Invite(ctx context.Context, client *clientv3.Client, member string, ttl time.Duration, now time.Time) (Code, error) {
	block, _ := pem.Decode(c.CAPEM)
	if block == nil {
		return Code{}, errors.New("this computer's copy of the server's authority is not readable")
	}
	base := Code{Endpoints: c.Endpoints, Join: c.Join, CA: Fingerprint(block.Bytes), Prefix: c.Prefix}
	return Make(ctx, client, base, member, ttl, now)
}
