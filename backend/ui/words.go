package ui

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"proofkeys/backend/access"
	"proofkeys/backend/apikey"
	"proofkeys/backend/audit"
	"proofkeys/backend/clipboard"
	"proofkeys/backend/enablement"
	"proofkeys/backend/invite"
	"proofkeys/backend/keys"
	"proofkeys/backend/org"
	"proofkeys/backend/scan"
	"proofkeys/backend/seal"
	"proofkeys/backend/shared"
	"proofkeys/backend/store"
	"proofkeys/backend/vault"
)

// Problem is what a person reads for a failed call, in the window or at the command line:
// what happened, what to do, and for a form, a message per field. It never carries a
// secret: the backends' errors do not hold one, and the message is chosen here from known
// sentinels.
type Problem struct {
	Code    string            `json:"code"`
	Message string            `json:"message"`
	Hint    string            `json:"hint"`
	Fields  map[string]string `json:"fields,omitempty"`
}

// problem is one row of the table below: a sentinel and the words a person reads.
type problem struct {
	err           error
	code          string
	message, hint string
}

// problems maps each sentinel to plain words, with the help article's troubleshooting
// advice where it fits. The first match wins, so the more specific errors come first.
var problems = []problem{
	{ErrStarting, "starting", "proofkeys is still starting.",
		"Wait a moment and try again. If this stays, another program may be holding the data file: close it and start proofkeys again."},
	{store.ErrInUse, "in_use", "proofkeys is already open.",
		"Switch to the proofkeys window that is already open, or close it and try again."},
	{store.ErrNoDatabase, "no_database", "There is no proofkeys data in this folder.",
		"Open the app once to set it up, or give the folder that holds the data with --data-dir."},
	{store.ErrNewerSchema, "newer_database", "This data was saved by a newer version of proofkeys.",
		"Install the latest proofkeys; your data has not been changed."},
	{store.ErrDataMissing, "database_unreadable", "The data file is missing or empty, but daily snapshots of it are here.",
		"Nothing was changed. Restore the newest snapshot that holds your organization, below. If none reads, contact your CSM."},
	{store.ErrCorrupt, "database_unreadable", "The data file is damaged.",
		"Your data has not been changed. Open proofkeys: it offers to restore a daily snapshot. If none reads, contact your CSM."},
	{vault.ErrLocked, "vault_locked", "The credential vault is locked.",
		"Unlock your system keyring (log in to your desktop session or open the keyring app), then try again. Nothing was changed."},
	{vault.ErrUnavailable, "vault_unavailable", "The credential vault is not available.",
		"Make sure your system keyring is running (GNOME Keyring or KWallet on Linux), then try again. Nothing was changed."},
	{vault.ErrUnknownBackend, "vault_unknown", "The chosen credential vault is unknown.",
		"Set PROOFKEYS_VAULT to secret-service, keychain, wincred, file or keyctl, or unset it."},
	{keys.ErrSecretMissing, "secret_missing", "This key's secret is missing from the credential vault.",
		"Someone may have removed it with the keyring app. Generate a new key, update your integration, and delete this one."},
	{keys.ErrSecretMismatch, "secret_mismatch", "The secret in the credential vault does not match this key.",
		"It was changed outside proofkeys. Treat the key as exposed: generate a new one, update your integration, and delete this one."},
	{clipboard.ErrUnavailable, "clipboard_unavailable", "The clipboard is busy, so the key was not copied.",
		"Another program may be holding the clipboard (a clipboard manager or a remote desktop): wait a moment and copy again."},
	{clipboard.ErrUnsupported, "clipboard_unsupported", "proofkeys cannot copy keys safely on this system.",
		"Copy keys with proofkeys on Linux, macOS or Windows."},
	{keys.ErrNotFound, "key_not_found", "This key no longer exists.",
		"It may have been deleted a moment ago. The list has been refreshed."},
	// who may do what, sign-in and enablement
	{org.ErrManagersOnly, "forbidden", "Only owners and admins can do this.",
		"Ask an owner or admin of your organization; the Members page lists them."},
	{access.ErrOwnerOnly, "owner_only", "Only an owner can change an owner, or make someone an owner.",
		"Ask an owner of your organization."},
	{access.ErrLastOwner, "last_owner", "Your organization needs at least one owner.",
		"Make another member an owner first, then try again."},
	{access.ErrRemoveSelf, "remove_self", "You cannot remove yourself.",
		"Ask another owner or admin to remove you."},
	{access.ErrUnknownRole, "bad_request", "The app sent a request it should not have.",
		"Choose Owner, Admin or Team member, and try again."},
	{org.ErrNoSuchMember, "member_not_found", "This member no longer exists.",
		"They may have been removed a moment ago. The list has been refreshed."},
	{org.ErrPassphraseFirst, "passphrase_first", "Set your own passphrase before you add members.",
		"With more than one member, everyone signs in with a passphrase. Set yours under Members, then add the member."},
	{org.ErrWrongPassphrase, "wrong_passphrase", "That passphrase is not right.",
		"Check that you chose your own name and that Caps Lock is off. After a few wrong tries, each try waits a little longer."},
	{org.ErrSlowDown, "slow_down", "Too many wrong passphrases: wait a moment.",
		"Try again in a little while. If you forgot your passphrase, an owner or admin can set a new one for you."},
	{org.ErrWrongRecoveryCode, "wrong_recovery_code", "That recovery code is not right.",
		"Type the code as it was shown when you set your passphrase; each code works once. After a few wrong tries, each try waits a little longer."},
	{org.ErrNoRecoveryCode, "no_recovery_code", "There is no recovery code for this member.",
		"Only an Owner who set their own passphrase has one. Ask an owner or admin to set a new passphrase for you under Members."},
	{org.ErrNoPassphrase, "no_passphrase", "You have no passphrase yet.",
		"Ask an owner or admin to set one for you under Members."},
	{enablement.ErrMalformed, "code_malformed", "This is not an enablement code, or part of it is missing.",
		"Copy the whole code from your CSM's message (it starts with PKEN2.) and paste it again."},
	{enablement.ErrOldForm, "code_old_form", "This code is in the old form, which proofkeys no longer accepts.",
		"Codes now come in one piece that carries Proof's certificate. Ask your CSM for a new code; what is enabled stays enabled."},
	{enablement.ErrTampered, "code_tampered", "This code was changed after Proof signed it.",
		"Nothing was changed. Ask your CSM for a new code, and paste it exactly as sent."},
	{enablement.ErrUntrusted, "code_untrusted", "This code is not signed by Proof.",
		"Its certificate comes from a key this copy of proofkeys does not know. Install proofkeys from Proof, and ask your CSM for a new code."},
	{enablement.ErrRevoked, "code_revoked", "Proof has withdrawn the certificate of the staff member who made this code.",
		"Nothing was changed. Ask your CSM (or Proof support) for a new code."},
	{enablement.ErrCertExpired, "code_cert_expired", "The certificate of the Proof staff member who made this code is not valid now.",
		"Nothing was changed. Ask your CSM for a new code."},
	{enablement.ErrGrantNotCertified, "code_not_allowed", "The Proof staff member who made this code may not enable this.",
		"Nothing was changed. Ask your CSM to have the code made by someone at Proof who may."},
	{enablement.ErrOtherOrg, "code_other_org", "This code is for another organization.",
		"Give your CSM the Organization ID shown on this page and ask for a code for it."},
	{enablement.ErrExpired, "code_expired", "This code has expired.",
		"Ask your CSM for a new code."},
	{enablement.ErrUnknownGrant, "code_unknown", "This code enables something this version of proofkeys does not know.",
		"Install the latest proofkeys, then paste the code again."},
	{enablement.ErrAlreadyApplied, "code_applied", "This code was already applied.",
		"Nothing was changed. The Organization page shows what is enabled."},
	{enablement.ErrSuperseded, "code_superseded", "A newer code from Proof has changed this since.",
		"Nothing was changed. If you need it enabled again, ask your CSM for a new code."},
	{enablement.ErrBadKey, "code_tampered", "This code was changed after Proof signed it.",
		"Nothing was changed. Ask your CSM for a new code, and paste it exactly as sent."},
	{access.ErrNoAPIAccess, "no_api_access", "API access is not enabled for your organization.",
		"Proof enables API access. Contact your Customer Success Manager or Sales representative."},
	{access.ErrForbidden, "forbidden", "You don't have permission to manage API keys.",
		"Only organization owners, administrators, or members with the Manage API keys permission can generate and manage keys. Ask one of them."},
	{org.ErrAlreadySetUp, "already_set_up", "The organization is already set up.",
		"Reload the app."},
	{org.ErrSignInNeeded, "sign_in", "Sign in first.", "Choose your name and enter your passphrase."},
	{store.ErrNoMember, "sign_in", "Sign in first.", "Choose your name and enter your passphrase."},
	{keys.ErrAlreadyReplaced, "already_replaced", "This key has already been replaced.",
		"Its replacement is in the list next to it: replace that one instead if you need a new key."},
	{keys.ErrOldKeyKept, "old_key_kept", "The new key is ready, but the old key could not be deleted yet.",
		"Update your integration with the new key. proofkeys deletes the old key within a minute, or at its next start; check the list then."},
	{keys.ErrGracePeriod, "bad_request", "The app sent a request it should not have.",
		"Choose now, 1 hour, 24 hours or 7 days, and try again."},
	{audit.ErrFormat, "bad_request", "The app sent a request it should not have.",
		"Choose CSV or JSON, and try again."},
	{errExportFormat, "bad_request", "The app sent a request it should not have.",
		"Choose CSV, JSON or HTML report, and try again."},
	{store.ErrRestoreLoses, "restore_loses", "This snapshot holds less than the data it would replace.",
		"Choose a newer snapshot if there is one. If you restore this one anyway, the data it lacks is kept aside in the data folder, not deleted."},
	{store.ErrNoOrg, "no_org", "There is no organization here to keep a copy of yet.",
		"Set up your organization first; proofkeys then keeps a daily snapshot of it."},
	{vault.ErrNoListing, "vault_no_listing", "This credential vault cannot list the keys proofkeys keeps in it.",
		"Nothing was changed. A key missing from the list can be replaced on the API Keys page."},
	{store.ErrNoSnapshot, "no_snapshot", "That snapshot cannot be read either.",
		"Choose another snapshot from the list. If none reads, contact your CSM with the data folder shown here."},
	{errNotRestorable, "not_restorable", "Your data file reads fine, so nothing was restored.",
		"Reload the app."},
	{errKeyQuery, "bad_request", "The app sent a request it should not have.",
		"Reload the app; if it happens again, contact your CSM."},
	{errBadDate, "bad_date", "A date in the filters is not a date.", "Pick the dates again, or clear them."},
	{apikey.ErrUnknownEnvironment, "bad_request", "The app sent a request it should not have.",
		"Reload the app; if it happens again, contact your CSM."},
	// a shared organization: its server, invite codes, sealed secrets
	{shared.ErrUnreachable, "shared_unreachable", "The shared organization's server cannot be reached, so nothing was changed.",
		"You can still see the keys, the inventory and the audit log. Changes work again once the server is back: check your network, or ask whoever runs the server."},
	{shared.ErrChangedElsewhere, "shared_changed_elsewhere", "This key was changed on another computer meanwhile.",
		"The list has been refreshed: look at the key again, then try again if it is still needed."},
	{shared.ErrBusy, "shared_busy", "Other computers were changing the organization at the same moment.",
		"Nothing was changed. Try again."},
	{shared.ErrNotJoined, "shared_not_joined", "This computer has not joined the organization yet.",
		"Paste the invite code an Owner or Admin made for you on the first screen."},
	{shared.ErrNotEmpty, "shared_not_empty", "The server already holds an organization there.",
		"Nothing was moved. Ask whoever runs the server for a code for a new organization."},
	{shared.ErrUnfinished, "shared_unfinished", "A change on this computer is unfinished.",
		"Close proofkeys and open it again, so that it finishes that change, then try again."},
	{ErrFirstComputerCode, "invite_first_computer", "This invite code is for the organization's first computer, not for a member.",
		"Ask an Owner or Admin of the organization for an invite code made for you."},
	{ErrNotThisComputer, "not_this_computer", "On this computer, only the member who joined the shared organization here signs in.",
		"Each member uses proofkeys on their own computer: sign in there, or ask an Owner or Admin for an invite code for this one."},
	{ErrMemberCode, "invite_member_code", "This invite code is for a member joining from their own computer.",
		"To move your organization, paste the code the server printed when it started. Give this code to the member it was made for."},
	{ErrNotShared, "not_shared", "This organization is on this computer only.",
		"An Owner moves it to a server from the Organization page first; then invite codes can be made."},
	{invite.ErrBadCode, "invite_bad_code", "This is not a proofkeys invite code.",
		"Copy the whole code again (it starts with proofkeys-invite-1:) and paste it."},
	{invite.ErrExpired, "invite_expired", "This invite code has expired.",
		"Ask an Owner or Admin of the organization for a new one."},
	{invite.ErrUsed, "invite_used", "This invite code was already used, or the server does not know it.",
		"Each code joins one computer once. Ask an Owner or Admin for a new one."},
	{invite.ErrWrongServer, "invite_wrong_server", "The server that answered is not the one the invite code names.",
		"Nothing was sent. The code may be for another server, or the connection may not be safe: ask whoever runs the server before you try again."},
	{invite.ErrNoServer, "invite_no_server", "The organization's server cannot be reached.",
		"Check your network and that the server is running, then try again; the code still works."},
	{invite.ErrBadExpiry, "bad_request", "The app sent a request it should not have.",
		"Reload the app; if it happens again, contact your CSM."},
	{seal.ErrNotForYou, "sealed_not_for_you", "This key was not shared with you yet.",
		"An Owner's or Admin's proofkeys shares it when it is open; ask one of them to open it."},
	{seal.ErrNoRecipients, "sealed_no_recipients", "Nobody in the organization can copy keys yet.",
		"The members who may copy keys need to open proofkeys on their computer once."},
	{seal.ErrBadRecipient, "sealed_bad_recipient", "A member's key for shared secrets is not readable.",
		"Nothing was changed. Contact your CSM with this message."},
	{seal.ErrBroken, "sealed_broken", "This key's shared secret cannot be read.",
		"Replace the key: generate a new one, update your integration, and delete this one."},
	{seal.ErrNoIdentity, "shared_not_joined", "This computer has not joined the organization yet.",
		"Paste the invite code an Owner or Admin made for you on the first screen."},
	{seal.ErrBadIdentity, "sealed_bad_identity", "This computer's key for shared secrets is not readable.",
		"Nothing was changed. Contact your CSM with this message."},
	// the scan for exposed keys
	{ErrNoScanFolder, "scan_no_folder", "Choose a folder to scan first.", "Use Choose a folder, then start the scan."},
	{ErrScanRunning, "scan_running", "A scan is already running.", "Wait for it to finish, or cancel it, then start again."},
	{scan.ErrNotRepository, "scan_not_repository", "This folder is not a git repository, so it has no history to scan.",
		"Choose the repository's top folder, or scan the folder's files without its history."},
	{scan.ErrGit, "scan_git", "proofkeys cannot read this folder's git history.",
		"Scan the folder's files without its history, or ask the developer who keeps the repository to check it."},
	{scan.ErrPath, "scan_path", "proofkeys cannot read this folder.",
		"Check that the folder still exists and that you may open it, then choose it again."},
}

// Explain turns any error of a bound method or command into what a person reads. Unknown
// errors get a generic message with their text, for support, since no error of the
// backend carries a secret.
func Explain(err error) Problem {
	var fields apikey.FieldErrors
	if errors.As(err, &fields) {
		return Problem{Code: "invalid", Message: "Some fields need your attention.",
			Hint: "Fix the fields marked below, then save again.", Fields: fields}
	}
	var wait org.WaitError
	if errors.As(err, &wait) && !errors.Is(err, org.ErrWrongPassphrase) && !errors.Is(err, org.ErrWrongRecoveryCode) {
		// a try during the wait: say how long is left, not just "a moment"
		return Problem{Code: "slow_down",
			Message: fmt.Sprintf("Too many wrong passphrases: wait %s before the next try.", waitWords(wait.Wait)),
			Hint:    "If you forgot your passphrase, an owner or admin can set a new one for you."}
	}
	for _, p := range problems {
		if errors.Is(err, p.err) {
			return Problem{Code: p.code, Message: p.message + madeFor(err) + restoreShortfall(err), Hint: p.hint}
		}
	}
	return Problem{Code: "unexpected", Message: "Something went wrong: " + err.Error(),
		Hint: "Try again. If it keeps happening, contact your CSM with this message."}
}

// madeFor says which organization a refused code was made for, and by whom, so an Owner
// with several organizations (or a code sent to the wrong one) sees where it belongs.
func madeFor(err error) string {
	var r *enablement.Refusal
	if !errors.As(err, &r) {
		return ""
	}
	return fmt.Sprintf(" It was made for organization %s by %s.", r.Org, r.Issuer)
}

// restoreShortfall says what a refused snapshot lacks, in the store's words ("it holds 3
// keys, and the data file holds 5").
func restoreShortfall(err error) string {
	if !errors.Is(err, store.ErrRestoreLoses) {
		return ""
	}
	_, why, found := strings.Cut(err.Error(), store.ErrRestoreLoses.Error()+": ")
	if !found {
		return ""
	}
	return " " + strings.ToUpper(why[:1]) + why[1:] + "."
}

// waitWords is a wait in words, rounded up to the second: "1 second", "2 minutes 8 seconds".
func waitWords(d time.Duration) string {
	secs := int((d + time.Second - 1) / time.Second)
	plural := func(n int, unit string) string {
		if n == 1 {
			return "1 " + unit
		}
		return fmt.Sprintf("%d %ss", n, unit)
	}
	switch {
	case secs < 60:
		return plural(max(secs, 1), "second")
	case secs%60 == 0:
		return plural(secs/60, "minute")
	default:
		return plural(secs/60, "minute") + " " + plural(secs%60, "second")
	}
}

// FormatError is Wails' ErrorFormatter: rejected promises carry a Problem object.
func FormatError(err error) any { return Explain(err) }

// codes are every Code a Problem can have, sorted: the frontend's ErrorCode union is
// generated from them, so a misspelt code fails its type check.
func codes() []string {
	set := map[string]bool{"invalid": true, "slow_down": true, "unexpected": true}
	for _, p := range problems {
		set[p.code] = true
	}
	return slices.Sorted(maps.Keys(set))
}
