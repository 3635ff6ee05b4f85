//go:build server

package cli

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"go.uber.org/zap"

	"proofkeys/backend/server"
	"proofkeys/backend/store"
)

// The server is linked only into builds with the "server" tag, so that the desktop app
// does not carry etcd's server.
func init() { commands["server"] = serverCommand }

var serverCommand = command{
	summary: "run the server a shared organization's desktops connect to",
	run:     func(env Env, args []string) int { return runServer(env, args, interrupted()) },
}

const serverUsage = `Usage: proofkeys server [--data-dir DIR] [--host NAME]... [--listen ADDR]
                        [--client-port 2379] [--peer-port 2380] [--join-port 2381]
                        [--org NAME] [--invites N] [--invite-expires 24h]
                        [--name NAME --peer NAME=https://HOST:PORT... --endpoint HOST:PORT...]
       proofkeys server --make-authority [--data-dir DIR]
Runs until stopped (Ctrl-C). The first start makes the server's certificate authority in
DIR/tls; keep DIR private and backed up. With --invites, prints N one-time invite codes
for the organization NAME: give one to each new member, who pastes it on the first
screen ("Join a shared organization").
Three servers keep an organization running when one stops: make the authority on one
(--make-authority), copy its DIR/tls/ca.crt and ca.key into the others' DIR/tls, then
start all three within a minute, each with its own --name, every server as --peer and
every server's HOST:CLIENT-PORT as --endpoint (invite codes name them all).`

// interrupted is closed on Ctrl-C or a stop from the system.
func interrupted() <-chan struct{} {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() { <-c; close(done) }()
	return done
}

type hosts []string

func (h *hosts) String() string     { return strings.Join(*h, ",") }
func (h *hosts) Set(v string) error { *h = append(*h, v); return nil }

func runServer(env Env, args []string, stop <-chan struct{}) int {
	flags := flag.NewFlagSet("server", flag.ContinueOnError)
	flags.SetOutput(env.Stderr)
	flags.Usage = func() { fmt.Fprintln(env.Stderr, serverUsage) }
	var cfg server.Config
	dataDir := flags.String("data-dir", "", "the server's data folder (default: server/ in the app's)")
	flags.Var((*hosts)(&cfg.Hosts), "host", "a name or address desktops reach this computer by (repeat)")
	flags.StringVar(&cfg.Listen, "listen", "", "the address to listen on (default: every interface)")
	flags.IntVar(&cfg.ClientPort, "client-port", 2379, "port for desktops")
	flags.IntVar(&cfg.PeerPort, "peer-port", 2380, "port for other servers")
	flags.IntVar(&cfg.JoinPort, "join-port", 2381, "port for invite codes")
	org := flags.String("org", "org", "the organization's name on the server (letters, digits, - and _)")
	invites := flags.Int("invites", 0, "how many invite codes to print")
	expires := flags.Duration("invite-expires", 24*time.Hour, "how long each invite code is good (at most a week)")
	flags.StringVar(&cfg.Name, "name", "", "this server's name among its peers")
	flags.Var((*hosts)(&cfg.Peers), "peer", "every server of the cluster, NAME=https://HOST:PEER-PORT (repeat)")
	flags.Var((*hosts)(&cfg.Endpoints), "endpoint", "every server's HOST:CLIENT-PORT, for invite codes (repeat)")
	makeAuthority := flags.Bool("make-authority", false, "make the certificate authority in DIR/tls, then stop")
	if err := flags.Parse(args); err != nil {
		return ExitUsage
	}
	if len(cfg.Peers) > 0 && (cfg.Name == "" || len(cfg.Endpoints) == 0) {
		fmt.Fprintln(env.Stderr, "proofkeys server: with --peer, give this server's --name and every server's --endpoint")
		return ExitUsage
	}
	if !validOrg(*org) || *invites < 0 {
		fmt.Fprintln(env.Stderr, "proofkeys server: --org takes letters, digits, - and _; --invites a count")
		return ExitUsage
	}
	dir, err := store.ResolveDir(*dataDir)
	if err != nil {
		fmt.Fprintf(env.Stderr, "proofkeys server: %v\n", err)
		return ExitFailed
	}
	if *dataDir == "" {
		dir = filepath.Join(dir, "server")
	}
	cfg.DataDir = dir
	if *makeAuthority {
		if err := server.MakeAuthority(dir); err != nil {
			fmt.Fprintf(env.Stderr, "proofkeys server: %v\n", err)
			return ExitFailed
		}
		fmt.Fprintf(env.Stdout, "The authority is in %s: copy ca.crt and ca.key into the other servers' tls folders.\n",
			filepath.Join(dir, "tls"))
		return ExitOK
	}
	cfg.Logger, _ = zap.NewProduction(zap.IncreaseLevel(zap.WarnLevel))
	s, err := server.Start(cfg)
	if err != nil {
		fmt.Fprintf(env.Stderr, "proofkeys server: %v\n", err)
		return ExitFailed
	}
	defer s.Close()
	fmt.Fprintf(env.Stdout, "proofkeys server is running. Data folder: %s\nDesktops connect to: %s\n",
		s.DataDir(), strings.Join(s.Endpoints(), ", "))
	for range *invites {
		code, err := s.Invite(context.Background(), "/proofkeys/"+*org+"/", "", *expires)
		if err != nil {
			fmt.Fprintf(env.Stderr, "proofkeys server: %v\n", err)
			return ExitFailed
		}
		fmt.Fprintf(env.Stdout, "Invite code (one desktop, until %s):\n%s\n", code.Expires.Format(time.RFC1123), code)
	}
	fmt.Fprintln(env.Stdout, "Stop it with Ctrl-C.")
	<-stop
	return ExitOK
}

func validOrg(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for _, r := range s {
		if !(r == '-' || r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return false
		}
	}
	return true
}
