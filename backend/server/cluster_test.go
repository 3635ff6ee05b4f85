package server_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"proofkeys/backend/server"
)

// Three servers with one authority: an invite code from one names all three, and a
// desktop that joined goes on reading and writing through the others when that one stops.
func TestThreeServersServeDesktopsWhenOneStops(t *testing.T) {
	dirs := []string{t.TempDir(), t.TempDir(), t.TempDir()}
	if err := server.MakeAuthority(dirs[0]); err != nil {
		t.Fatal(err)
	}
	for _, d := range dirs[1:] {
		copyAuthority(t, dirs[0], d)
	}
	p := freePorts(t, 9)
	var peers, endpoints []string
	for i := range dirs {
		peers = append(peers, fmt.Sprintf("s%d=https://127.0.0.1:%d", i, p[3*i+1]))
		endpoints = append(endpoints, fmt.Sprintf("127.0.0.1:%d", p[3*i]))
	}
	servers := make([]*server.Server, len(dirs))
	errs := make([]error, len(dirs))
	var wg sync.WaitGroup
	for i, d := range dirs { // each waits for a majority: they start together
		wg.Go(func() {
			servers[i], errs[i] = server.Start(server.Config{
				DataDir: d, Listen: "127.0.0.1", ClientPort: p[3*i], PeerPort: p[3*i+1], JoinPort: p[3*i+2],
				Name: fmt.Sprintf("s%d", i), Peers: peers, Endpoints: endpoints,
			})
		})
	}
	wg.Wait()
	for i, s := range servers {
		if errs[i] != nil {
			t.Fatal(errs[i])
		}
		t.Cleanup(s.Close)
	}

	code, err := servers[0].Invite(context.Background(), "/proofkeys/acme/", "", time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	if len(code.Endpoints) != 3 {
		t.Fatalf("the code names %v, not the three servers", code.Endpoints)
	}
	client, _ := connect(t, code.String())
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if _, err := client.Put(ctx, "/proofkeys/acme/probe", "before"); err != nil {
		t.Fatal(err)
	}
	servers[0].Close() // the one the code came from
	if _, err := client.Put(ctx, "/proofkeys/acme/probe", "after"); err != nil {
		t.Fatalf("with one server stopped, a change fails: %v", err)
	}
	got, err := client.Get(ctx, "/proofkeys/acme/probe")
	if err != nil || len(got.Kvs) != 1 || string(got.Kvs[0].Value) != "after" {
		t.Fatalf("read %v, %v", got, err)
	}
}

// copyAuthority gives the server in to the authority of the server in from.
func copyAuthority(t *testing.T, from, to string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Join(to, "tls"), 0o700); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"ca.crt", "ca.key"} {
		raw, err := os.ReadFile(filepath.Join(from, "tls", f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(to, "tls", f), raw, 0o600); err != nil {
			t.Fatal(err)
		}
	}
}
