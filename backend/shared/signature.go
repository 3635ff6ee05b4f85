package shared

import (
	"encoding/binary"
	"errors"
	"strconv"

	"proofkeys/backend/seal"
)

// An audit event on the server is signed by the member whose desktop wrote it:
//
//	formatSigned, then three fields (each a uvarint length and its bytes): the signer's
//	member ID, the signing key they signed with (seal.Identity.SigningKey), and the
//	Ed25519 signature; then the event as the store file keeps it (store.EncodeEvent)
//
// The key is named because a member may have joined from more than one computer: each
// key they published stays under P signers/<member>/<key>. An event a move brought from a
// single desktop has no signer, key or signature: the mover signed the whole history at
// once (movedRecord), which the hash chain ties to each event.
const formatSigned byte = 0x5E

var errNotSigned = errors.New("not a signed event")

// signature is who signed an event, with which of their keys, and the signature.
type signature struct {
	signer string // a member ID; "" for an event of a moved history
	key    string
	sig    []byte
}

// eventMessage is what a signature covers: the organization, the event's number and the
// event, so that a signature holds for that place in that log only.
func (o *Org) eventMessage(seqKey, raw []byte) []byte {
	msg := append([]byte("proofkeys audit event\n"+o.layout.prefix+"\n"), seqKey...)
	return append(msg, raw...)
}

// signEvent signs the event raw numbered by seqKey as this desktop's member.
func (o *Org) signEvent(seqKey, raw []byte) []byte {
	return signed(signature{o.member, o.identity.SigningKey(), o.identity.Sign(o.eventMessage(seqKey, raw))}, raw)
}

func signed(s signature, raw []byte) []byte {
	out := []byte{formatSigned}
	for _, f := range []string{s.signer, s.key, string(s.sig)} {
		out = append(binary.AppendUvarint(out, uint64(len(f))), f...)
	}
	return append(out, raw...)
}

// unsign splits a signed event into its signature and the event.
func unsign(value []byte) (signature, []byte, error) {
	if len(value) == 0 || value[0] != formatSigned {
		return signature{}, nil, errNotSigned
	}
	rest := value[1:]
	var fields [3][]byte
	for i := range fields {
		n, w := binary.Uvarint(rest)
		if w <= 0 || n > uint64(len(rest)-w) {
			return signature{}, nil, errNotSigned
		}
		fields[i], rest = rest[w:w+int(n)], rest[w+int(n):]
	}
	return signature{string(fields[0]), string(fields[1]), fields[2]}, rest, nil
}

// movedRecord is the history a move from a single desktop brought: its last event's
// number and hash, signed by the member who moved it.
type movedRecord struct {
	Mover    string `json:"mover"`
	MoverKey string `json:"moverKey"` // the signing key the mover signed with
	Seq      uint64 `json:"seq"`
	Hash     string `json:"hash"`
	Sig      []byte `json:"sig"`
	// Done marks a move that sent everything; one that is not done is run again.
	Done bool `json:"done,omitempty"`
}

func (o *Org) movedMessage(m movedRecord) []byte {
	return []byte("proofkeys moved history\n" + o.layout.prefix + "\n" + m.Mover + "\n" + m.MoverKey + "\n" +
		strconv.FormatUint(m.Seq, 10) + "\n" + m.Hash)
}

// verifyMoved reports whether m's signature is its mover's key's.
func (o *Org) verifyMoved(m movedRecord) bool {
	return seal.Verify(m.MoverKey, o.movedMessage(m), m.Sig)
}
