package shared

import "errors"

var (
	// ErrUnreachable means the organization's server did not answer. Reading works from the
	// copy on this computer; changes need the server.
	ErrUnreachable = errors.New("the shared organization's server cannot be reached; changes wait until it is back")
	// ErrChangedElsewhere means the same change was made on another desktop meanwhile.
	ErrChangedElsewhere = errors.New("this key was changed on another computer meanwhile; reload and try again")
	// ErrBusy means the change kept colliding with changes from other desktops.
	ErrBusy = errors.New("the organization is busy with changes from other computers; try again")
	// ErrNotJoined means a change from a desktop that has not joined as a member.
	ErrNotJoined = errors.New("this computer has not joined the organization yet; paste an invite code first")
	// ErrNotEmpty means the server already holds an organization under this prefix.
	ErrNotEmpty = errors.New("the server already holds an organization there; nothing was moved")
	// ErrUnfinished means the local organization has a change a crash left half done; the app
	// finishes it at its next start, after which the move can run.
	ErrUnfinished = errors.New("a change on this computer is unfinished; open proofkeys once, then move the organization")
)
