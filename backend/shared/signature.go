package shared

import (
	"encoding/binary"
	"errors"
	"strconv"

	"proofkeys/backend/seal"
)

// An audit event on the server is signed by the member whose desktop wrote it:
//
//	formatSigned, the signer's member ID (uvarint length and bytes), the Ed25519
//	signature (64 bytes), then the event as the store file keeps it (store.EncodeEvent)
//
// An event a move brought from a single desktop has no signer and no signature: the
// mover signed the whole history at once (movedRecord), which the hash chain ties to
// each event.
const (
	formatSigned byte = 0x5E
	sigSize      int  = 64
)

var errNotSigned = errors.New("not a signed event")

// eventMessage is what a signature covers: the organization, the event's number and the
// event, so that a signature holds for that place in that log only.
func (o *Org) eventMessage(seqKey, raw []byte) []byte {
	msg := append([]byte("proofkeys audit event\n"+o.layout.prefix+"\n"), seqKey...)
	return append(msg, raw...)
}

// signEvent signs the event raw numbered by seqKey as this desktop's member.
func (o *Org) signEvent(seqKey, raw []byte) []byte {
	return signed(o.member, o.identity.Sign(o.eventMessage(seqKey, raw)), raw)
}

func signed(signer string, sig, raw []byte) []byte {
	out := binary.AppendUvarint([]byte{formatSigned}, uint64(len(signer)))
	out = append(append(out, signer...), sig...)
	return append(out, raw...)
}

// unsign splits a signed event into its signer, signature and event.
func unsign(value []byte) (signer string, sig, raw []byte, err error) {
	if len(value) == 0 || value[0] != formatSigned {
		return "", nil, nil, errNotSigned
	}
	n, w := binary.Uvarint(value[1:])
	rest := value[1+max(w, 0):]
	if w <= 0 || n > uint64(len(rest)) {
		return "", nil, nil, errNotSigned
	}
	signer, rest = string(rest[:n]), rest[n:]
	if signer == "" {
		return "", nil, rest, nil
	}
	if len(rest) < sigSize {
		return "", nil, nil, errNotSigned
	}
	return signer, rest[:sigSize], rest[sigSize:], nil
}

// movedRecord is the history a move from a single desktop brought: its last event's
// number and hash, signed by the member who moved it.
type movedRecord struct {
	Mover string `json:"mover"`
	Seq   uint64 `json:"seq"`
	Hash  string `json:"hash"`
	Sig   []byte `json:"sig"`
	// Done marks a move that sent everything; one that is not done is run again.
	Done bool `json:"done,omitempty"`
}

func (o *Org) movedMessage(m movedRecord) []byte {
	return []byte("proofkeys moved history\n" + o.layout.prefix + "\n" + strconv.FormatUint(m.Seq, 10) + "\n" + m.Hash)
}

// verifyMoved reports whether m was signed by its mover, whose signing key is signingKey.
func (o *Org) verifyMoved(m movedRecord, signingKey string) bool {
	return seal.Verify(signingKey, o.movedMessage(m), m.Sig)
}
