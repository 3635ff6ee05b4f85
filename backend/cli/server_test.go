//go:build server

package cli

import (
	"bufio"
	"context"
	"io"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"proofkeys/backend/invite"
)

func TestServerPrintsInviteCodesThatJoin(t *testing.T) {
	var ports []string
	for range 3 {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		ports = append(ports, strconv.Itoa(l.Addr().(*net.TCPAddr).Port))
		_ = l.Close()
	}
	out, w := io.Pipe()
	stop := make(chan struct{})
	exit := make(chan int, 1)
	go func() {
		exit <- runServer(Env{Stdout: w, Stderr: io.Discard}, []string{
			"--data-dir", t.TempDir(), "--listen", "127.0.0.1", "--client-port", ports[0],
			"--peer-port", ports[1], "--join-port", ports[2], "--org", "acme", "--invites", "2",
		}, stop)
		_ = w.Close()
	}()
	var codes []invite.Code
	lines := bufio.NewScanner(out)
	for lines.Scan() {
		if c, err := invite.Parse(lines.Text()); err == nil {
			codes = append(codes, c)
		}
		if strings.HasPrefix(lines.Text(), "Stop it with") {
			break
		}
	}
	if len(codes) != 2 || codes[0].Token == codes[1].Token || codes[0].Prefix != "/proofkeys/acme/" {
		t.Fatalf("printed codes: %+v", codes)
	}
	if _, err := invite.Redeem(context.Background(), codes[1], time.Now()); err != nil {
		t.Fatalf("a printed code does not join: %v", err)
	}
	close(stop)
	go func() { _, _ = io.Copy(io.Discard, out) }()
	if code := <-exit; code != ExitOK {
		t.Fatalf("exit %d", code)
	}
}

func TestServerRefusesABadOrgName(t *testing.T) {
	if code := runServer(Env{Stdout: io.Discard, Stderr: io.Discard}, []string{"--org", "a/b"}, nil); code != ExitUsage {
		t.Fatalf("exit %d", code)
	}
}

func TestServerMakesTheAuthorityForItsPeers(t *testing.T) {
	dir := t.TempDir()
	var out strings.Builder
	if code := runServer(Env{Stdout: &out, Stderr: io.Discard}, []string{"--make-authority", "--data-dir", dir}, nil); code != ExitOK {
		t.Fatalf("exit %d", code)
	}
	for _, f := range []string{"ca.crt", "ca.key"} {
		if _, err := os.Stat(filepath.Join(dir, "tls", f)); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
	}
	if !strings.Contains(out.String(), "copy ca.crt and ca.key") {
		t.Fatalf("says %q", out.String())
	}
}

func TestServerWithPeersNeedsItsNameAndEveryEndpoint(t *testing.T) {
	var stderr strings.Builder
	code := runServer(Env{Stdout: io.Discard, Stderr: &stderr}, []string{"--peer", "a=https://h1:2380", "--peer", "b=https://h2:2380"}, nil)
	if code != ExitUsage || !strings.Contains(stderr.String(), "--name") {
		t.Fatalf("exit %d: %q", code, stderr.String())
	}
}
