package seal_test

import (
	"bytes"
	"errors"
	"testing"

	"proofkeys/backend/seal"
	"proofkeys/backend/vault/vaulttest"
)

func identity(t *testing.T) seal.Identity {
	t.Helper()
	id, err := seal.NewIdentity()
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func TestEachRecipientOpensAndOthersCannot(t *testing.T) {
	a, b, c := identity(t), identity(t), identity(t)
	env, err := seal.Seal("pk_live_secret", []string{a.Recipient(), b.Recipient()})
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(env, []byte("pk_live_secret")) {
		t.Fatal("the envelope shows the secret")
	}
	for _, id := range []seal.Identity{a, b} {
		got, err := seal.Open(env, id)
		if err != nil || got != "pk_live_secret" {
			t.Fatalf("open = %q, %v", got, err)
		}
	}
	if _, err := seal.Open(env, c); !errors.Is(err, seal.ErrNotForYou) {
		t.Fatalf("a member left out opened it: %v", err)
	}
}

func TestBadInputsSayWhat(t *testing.T) {
	if _, err := seal.Seal("s", nil); !errors.Is(err, seal.ErrNoRecipients) {
		t.Fatalf("no recipients: %v", err)
	}
	if _, err := seal.Seal("s", []string{"age1nope"}); !errors.Is(err, seal.ErrBadRecipient) {
		t.Fatalf("bad recipient: %v", err)
	}
	if _, err := seal.Open([]byte("not an envelope"), identity(t)); !errors.Is(err, seal.ErrBroken) {
		t.Fatalf("broken envelope: %v", err)
	}
}

func TestIdentityIsMadeOnceAndKeptInTheVault(t *testing.T) {
	v := vaulttest.New(t)
	first, err := seal.LoadOrCreate(v, "mem_seal_test")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = v.Delete("age-identity-mem_seal_test")
		_ = v.Delete("signing-key-mem_seal_test")
	})
	again, err := seal.LoadOrCreate(v, "mem_seal_test")
	if err != nil {
		t.Fatal(err)
	}
	if first.Recipient() != again.Recipient() || first.SigningKey() != again.SigningKey() {
		t.Fatal("a second load made a new identity")
	}
	if !seal.Verify(first.SigningKey(), []byte("event"), again.Sign([]byte("event"))) {
		t.Fatal("the stored signing key signs for another key")
	}
	env, _ := seal.Seal("s", []string{first.Recipient()})
	if got, err := seal.Open(env, again); err != nil || got != "s" {
		t.Fatalf("the stored identity does not open: %q %v", got, err)
	}
	if err := v.Set("age-identity-mem_seal_bad", "garbage", "t"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = v.Delete("age-identity-mem_seal_bad") })
	if _, err := seal.LoadOrCreate(v, "mem_seal_bad"); !errors.Is(err, seal.ErrBadIdentity) {
		t.Fatalf("a damaged identity: %v", err)
	}
}

func TestNoIdentityOpensNothing(t *testing.T) {
	env, _ := seal.Seal("s", []string{identity(t).Recipient()})
	if _, err := seal.Open(env, seal.Identity{}); !errors.Is(err, seal.ErrNoIdentity) {
		t.Fatalf("open without an identity: %v", err)
	}
}

func TestASignatureHoldsForItsMessageAndKeyOnly(t *testing.T) {
	a, b := identity(t), identity(t)
	sig := a.Sign([]byte("event 1"))
	if !seal.Verify(a.SigningKey(), []byte("event 1"), sig) {
		t.Fatal("a good signature failed")
	}
	if seal.Verify(a.SigningKey(), []byte("event 2"), sig) {
		t.Fatal("a signature held for another message")
	}
	if seal.Verify(b.SigningKey(), []byte("event 1"), sig) {
		t.Fatal("a signature held for another member's key")
	}
	if seal.Verify("not base64!", []byte("event 1"), sig) {
		t.Fatal("a signature held for an unreadable key")
	}
}
