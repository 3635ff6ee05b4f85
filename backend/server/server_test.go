package server_test

import (
	"context"
	"errors"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	clientv3 "go.etcd.io/etcd/client/v3"
	"go.uber.org/zap"

	"proofkeys/backend/invite"
	"proofkeys/backend/server"
)

func freePorts(t *testing.T, n int) []int {
	t.Helper()
	var ports []int
	var ls []net.Listener
	for range n {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		ls = append(ls, l)
		ports = append(ports, l.Addr().(*net.TCPAddr).Port)
	}
	for _, l := range ls {
		_ = l.Close()
	}
	return ports
}

func start(t *testing.T) *server.Server {
	t.Helper()
	p := freePorts(t, 3)
	s, err := server.Start(server.Config{
		DataDir: t.TempDir(), Listen: "127.0.0.1", ClientPort: p[0], PeerPort: p[1], JoinPort: p[2],
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	return s
}

// connect joins with a code and returns a client on the credentials it gave.
func connect(t *testing.T, code string) (*clientv3.Client, invite.Credentials) {
	t.Helper()
	c, err := invite.Parse(code)
	if err != nil {
		t.Fatal(err)
	}
	creds, err := invite.Redeem(context.Background(), c, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	cl, err := creds.Connect()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cl.Close() })
	return cl, creds
}

func TestAnInviteCodeJoinsOnceAndGivesAWorkingConnection(t *testing.T) {
	s := start(t)
	code, err := s.Invite(context.Background(), "/proofkeys/acme/", "", time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	pasted := "  " + code.String()[:40] + "\n" + code.String()[40:] + " " // as a mail program wraps it
	cl, creds := connect(t, pasted)
	if creds.Prefix != "/proofkeys/acme/" {
		t.Fatalf("prefix %q", creds.Prefix)
	}
	ctx := context.Background()
	if _, err := cl.Put(ctx, creds.Prefix+"hello", "world"); err != nil {
		t.Fatalf("the joined desktop cannot write: %v", err)
	}
	if _, err := invite.Redeem(ctx, code, time.Now()); !errors.Is(err, invite.ErrUsed) {
		t.Fatalf("a code used twice: %v", err)
	}
}

func TestAnExpiredOrForgedCodeGivesNothing(t *testing.T) {
	s := start(t)
	ctx := context.Background()
	code, err := s.Invite(ctx, "/proofkeys/acme/", "", time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := invite.Redeem(ctx, code, time.Now().Add(2*time.Hour)); !errors.Is(err, invite.ErrExpired) {
		t.Fatalf("an expired code on the desktop: %v", err)
	}
	s.Now = func() time.Time { return time.Now().Add(2 * time.Hour) } // a desktop with a wrong clock
	if _, err := invite.Redeem(ctx, code, time.Now()); !errors.Is(err, invite.ErrExpired) {
		t.Fatalf("an expired code on the server: %v", err)
	}
	s.Now = time.Now
	if _, err := invite.Redeem(ctx, code, time.Now()); !errors.Is(err, invite.ErrUsed) {
		t.Fatalf("an expired code tried again: %v", err)
	}

	other, err := s.Invite(ctx, "/proofkeys/acme/", "", time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	other.CA = strings.Repeat("0", 64) // someone else's server in between
	if _, err := invite.Redeem(ctx, other, time.Now()); !errors.Is(err, invite.ErrWrongServer) {
		t.Fatalf("a server with another authority: %v", err)
	}
	guessed := code
	guessed.Token = "guessed"
	if _, err := invite.Redeem(ctx, guessed, time.Now()); !errors.Is(err, invite.ErrUsed) {
		t.Fatalf("a guessed token: %v", err)
	}
	if _, err := s.Invite(ctx, "/p/", "", 30*24*time.Hour); !errors.Is(err, invite.ErrBadExpiry) {
		t.Fatalf("a month-long invite: %v", err)
	}
	if _, err := invite.Parse("proofkeys-invite-1:???"); !errors.Is(err, invite.ErrBadCode) {
		t.Fatalf("a damaged code: %v", err)
	}
}

func TestTheServerRefusesADesktopWithoutACertificate(t *testing.T) {
	s := start(t)
	code, err := s.Invite(context.Background(), "/proofkeys/acme/", "", time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	_, creds := connect(t, code.String())
	cfg, _ := creds.TLS()
	cfg.Certificates = nil
	cl, err := clientv3.New(clientv3.Config{Endpoints: creds.Endpoints, TLS: cfg, DialTimeout: 2 * time.Second, Logger: zap.NewNop()})
	if err != nil {
		t.Fatal(err)
	}
	defer cl.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	if _, err := cl.Get(ctx, "/proofkeys/"); err == nil {
		t.Fatal("a desktop without a certificate read the server")
	}
}

// The server saves a snapshot as it starts, readable by its owner only, and keeps the
// newest KeepSnapshots.
func TestTheServerKeepsItsNewestSnapshots(t *testing.T) {
	s := start(t)
	dir := filepath.Join(s.DataDir(), "snapshots")
	var first []os.DirEntry
	for range 50 { // the first is taken beside the start: wait for it, briefly
		if first, _ = os.ReadDir(dir); len(first) == 1 {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if len(first) != 1 {
		t.Fatalf("%d snapshots after the start, want 1", len(first))
	}
	info, err := first[0].Info()
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o600 || info.Size() == 0 {
		t.Fatalf("the snapshot is %v, %d bytes", info.Mode().Perm(), info.Size())
	}

	clock := time.Now()
	s.Now = func() time.Time { clock = clock.Add(time.Hour); return clock }
	var last string
	for range server.KeepSnapshots + 2 {
		if last, err = s.Snapshot(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	kept, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(kept) != server.KeepSnapshots || kept[len(kept)-1].Name() != filepath.Base(last) {
		t.Fatalf("kept %d snapshots, the newest %q; want %d, the newest %q",
			len(kept), kept[len(kept)-1].Name(), server.KeepSnapshots, filepath.Base(last))
	}
}
