package shared

import "proofkeys/backend/seal"

// SignEventAs signs an event with id in the name of memberID, naming key as the key it
// was signed with, as o's desktop would sign its own: what another member's desktop (or
// someone with the server's credentials) could write.
func SignEventAs(o *Org, id seal.Identity, key, memberID string, seqKey, raw []byte) []byte {
	return signed(signature{memberID, key, id.Sign(o.eventMessage(seqKey, raw))}, raw)
}
