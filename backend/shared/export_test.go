package shared

import "proofkeys/backend/seal"

// SignEventAs signs an event as memberID with id, as o's desktop would sign its own:
// what another member's desktop (or someone with the server's credentials) could write.
func SignEventAs(o *Org, id seal.Identity, memberID string, seqKey, raw []byte) []byte {
	return signed(memberID, id.Sign(o.eventMessage(seqKey, raw)), raw)
}
