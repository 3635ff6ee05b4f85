package invite_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"proofkeys/backend/invite"
)

func code() invite.Code {
	return invite.Code{
		Endpoints: []string{"server.example:2379"}, Join: "server.example:2381",
		CA: strings.Repeat("ab", 32), Prefix: "/proofkeys/acme/", Token: "t0ken",
		Expires: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC),
	}
}

func TestACodeReadsBackAsItWasMade(t *testing.T) {
	got, err := invite.Parse(code().String())
	if err != nil {
		t.Fatal(err)
	}
	if got.Token != "t0ken" || got.CA != code().CA || !got.Expires.Equal(code().Expires) || got.Endpoints[0] != "server.example:2379" {
		t.Fatalf("read back %+v", got)
	}
}

func TestWhatIsNotACodeIsSaidPlainly(t *testing.T) {
	incomplete := code()
	incomplete.Token = ""
	for _, s := range []string{"", "hello", "proofkeys-invite-1:%%%", "proofkeys-invite-1:e30", incomplete.String()} {
		if _, err := invite.Parse(s); !errors.Is(err, invite.ErrBadCode) {
			t.Fatalf("Parse(%q) = %v", s, err)
		}
	}
}

func TestAnExpiredCodeIsNotSent(t *testing.T) {
	// The join address is not reachable: an expired code fails before any connection.
	_, err := invite.Redeem(context.Background(), code(), code().Expires)
	if !errors.Is(err, invite.ErrExpired) {
		t.Fatalf("redeem after expiry: %v", err)
	}
}

func TestAServerThatIsDownIsSaidPlainly(t *testing.T) {
	c := code()
	c.Join = "127.0.0.1:1" // nothing listens there
	_, err := invite.Redeem(context.Background(), c, c.Expires.Add(-time.Hour))
	if !errors.Is(err, invite.ErrNoServer) {
		t.Fatalf("redeem with the server down: %v", err)
	}
}
