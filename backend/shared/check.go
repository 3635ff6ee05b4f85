package shared

import (
	"errors"

	"proofkeys/backend/access"
	"proofkeys/backend/audit"
	"proofkeys/backend/seal"
	"proofkeys/backend/store"
)

// needs is the right each action takes; an action not named takes none beyond being a
// member (signing in, locking, setting one's own passphrase), or is done by the app on a
// member's behalf (a replaced key's end).
var needs = map[audit.Action]access.Action{
	audit.KeyGenerated:       access.ManageKeys,
	audit.KeyConfigured:      access.ManageKeys,
	audit.KeyCopied:          access.ManageKeys,
	audit.KeyDeleted:         access.ManageKeys,
	audit.KeyReplaced:        access.ManageKeys,
	audit.KeyReattached:      access.ManageKeys,
	audit.KeyDeletedExposed:  access.ManageKeys,
	audit.KeysScanned:        access.ViewKeys,
	audit.OrgSettingsSet:     access.ManageSettings,
	audit.MemberAdded:        access.ManageMembers,
	audit.MemberChanged:      access.ManageMembers,
	audit.MemberRemoved:      access.ManageMembers,
	audit.EnablementApplied:  access.ApplyEnablement,
	audit.StaffKeyTrusted:    access.ApplyEnablement,
	audit.StaffKeyDistrusted: access.ApplyEnablement,
	audit.CertsRevoked:       access.ApplyEnablement,
}

// onBehalf are the actions a desktop records for another member: the member who replaced
// a key is named at its end, whichever desktop ended it.
var onBehalf = map[audit.Action]bool{audit.KeyExpired: true}

// check says why the event e, committed at revision rev, fails its checks ("" when it
// passes): it continues the chain, it is signed by its member (or belongs to a moved
// history signed by its mover), and its signer may do what it records.
func (a *applier) check(e audit.Event, rev int64, s signature, key, raw []byte, signErr error) string {
	switch {
	case !audit.Follows(e, a.last):
		return "it does not continue the audit log's chain"
	case signErr != nil:
		return "it is not signed"
	case s.signer == "":
		return a.checkMoved(e)
	case !a.published(s.signer, s.key):
		return "it is signed with a key its member never published"
	case !seal.Verify(s.key, a.o.eventMessage(key, raw), s.sig):
		return "its signature does not match its signer's key"
	case e.Actor != "" && e.Actor != s.signer && !onBehalf[e.Action]:
		return "it is signed by another member than the one it names"
	}
	return a.checkRight(s.signer, e.Action, rev)
}

// checkMoved checks an event without a signature of its own against the moved history.
func (a *applier) checkMoved(e audit.Event) string {
	m, ok := a.moved()
	switch {
	case !ok || e.Seq > m.Seq:
		return "it is not signed"
	case !a.published(m.Mover, m.MoverKey) || !a.verifyMoved(m):
		return "the signature of the history moved from a single computer does not match"
	case e.Seq == m.Seq && e.Hash != m.Hash:
		return "it is not the event the moved history ends with"
	}
	return ""
}

// verifyMoved checks the moved history's signature, once per applier.
func (a *applier) verifyMoved(m movedRecord) bool {
	id := string(m.Sig)
	ok, done := a.movedOK[id]
	if !done {
		ok = a.o.verifyMoved(m)
		a.movedOK[id] = ok
	}
	return ok
}

// published reports whether the member published key as theirs: under P signers/, where
// it stays after they leave, or (for a copy made before that) in their record.
func (a *applier) published(memberID, key string) bool {
	if key == "" {
		return false
	}
	if a.tx.Local(localSigner+memberID+"/"+key) != nil {
		return true
	}
	m, err := a.tx.Member(memberID)
	return err == nil && m.SigningKey == key
}

// checkRight checks that the signer may do what the event records, with the member and
// the organization as the copy holds them before the event's revision. In a full copy,
// whose records are as they are now, a member whose record (or the organization's)
// changed after the event is not judged: their right then is not known.
func (a *applier) checkRight(signer string, action audit.Action, rev int64) string {
	need, ok := needs[action]
	if !ok {
		return ""
	}
	m, err := a.tx.Member(signer)
	if a.recordRev != nil && (errors.Is(err, store.ErrNotFound) || a.recordRev[signer] > rev || a.recordRev[""] > rev) {
		return ""
	}
	if err != nil {
		return "its signer is not in the organization"
	}
	o, err := a.tx.Org()
	if err != nil {
		return "the organization it belongs to is not there"
	}
	if access.Can(m, o.Enablement, need) != nil {
		return m.Name + " may not " + string(need)
	}
	return ""
}
