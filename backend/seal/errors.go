package seal

import "errors"

var (
	// ErrNoRecipients means nobody may open the envelope, so it is not made.
	ErrNoRecipients = errors.New("nobody in the organization may copy keys")
	// ErrBadRecipient means a member's published recipient is not an age X25519 recipient.
	ErrBadRecipient = errors.New("a member's public key for sealed secrets is not readable")
	// ErrNotForYou means the envelope was not sealed to this member's identity.
	ErrNotForYou = errors.New("this key was not shared with you; an Owner or Admin can share it again")
	// ErrBroken means the envelope cannot be read (damaged or not an envelope).
	ErrBroken = errors.New("the sealed secret cannot be read")
	// ErrNoIdentity means this desktop has not joined the organization as a member yet.
	ErrNoIdentity = errors.New("this computer has not joined the organization yet")
	// ErrBadIdentity means the identity in the vault is not an age X25519 identity.
	ErrBadIdentity = errors.New("this computer's key for sealed secrets is not readable")
)
