package shared

import (
	"strings"

	clientv3 "go.etcd.io/etcd/client/v3"

	"proofkeys/backend/store"
)

// The organization's keys on the server, under its prefix P:
//
//	P b/<bucket>/<key>        a record, in the bucket and under the key the store file
//	                          uses (store.Change); an audit event is signed (signature.go)
//	P sealed/<key ID>         the key's secret sealed to the members who may copy keys
//	P signers/<member>/<key>  each signing key a member published, kept after they leave
//	                          or join again, so that their events still verify
//	P moved                   the history a move from a single desktop brought (movedRecord)
//	P head                    rewritten by every change: a change is sent on the condition
//	                          that it was not rewritten since the copy it was rehearsed on
type layout struct{ prefix string }

func (l layout) record(bucket string, key []byte) string {
	return l.prefix + "b/" + bucket + "/" + string(key)
}
func (l layout) sealed(keyID string) string         { return l.prefix + "sealed/" + keyID }
func (l layout) sealedAll() string                  { return l.prefix + "sealed/" }
func (l layout) signers() string                    { return l.prefix + "signers/" }
func (l layout) signer(memberID, key string) string { return l.signers() + memberID + "/" + key }
func (l layout) moved() string                      { return l.prefix + "moved" }
func (l layout) head() string                       { return l.prefix + "head" }
func (l layout) end() string                        { return clientv3.GetPrefixRangeEnd(l.prefix) }

// split names the bucket and key of a record's server key.
func (l layout) split(full string) (bucket string, key []byte, ok bool) {
	rest, ok := strings.CutPrefix(full, l.prefix+"b/")
	if !ok {
		return "", nil, false
	}
	bucket, k, ok := strings.Cut(rest, "/")
	return bucket, []byte(k), ok
}

// order ranks a key for a full copy: what checks the history (signing keys, the moved
// history) first, then the records, then the events (in their order already).
func (l layout) order(full string) int {
	switch bucket, _, ok := l.split(full); {
	case !ok:
		return 0
	case bucket == store.BucketAudit:
		return 2
	}
	return 1
}
