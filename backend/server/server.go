package server

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"go.etcd.io/etcd/client/pkg/v3/transport"
	clientv3 "go.etcd.io/etcd/client/v3"
	"go.etcd.io/etcd/server/v3/embed"
	"go.uber.org/zap"
)

// Config is how a server runs.
type Config struct {
	// DataDir holds the server's database (etcd/) and its authority and certificate (tls/).
	DataDir string
	// Hosts are the names or addresses desktops reach the server by; the first is the
	// one invite codes give. 127.0.0.1 is always included.
	Hosts []string
	// Listen is the address the listeners bind to: "" for every interface.
	Listen string
	// ClientPort is etcd's port for desktops, PeerPort for other members, JoinPort the
	// join service's.
	ClientPort, PeerPort, JoinPort int
	// Logger receives etcd's warnings; nil is silent.
	Logger *zap.Logger

	// Name is this server's name among its peers ("proofkeys" when empty).
	Name string
	// Peers, for a cluster of servers, are all of them, this one included, each as
	// NAME=https://HOST:PEER-PORT. Each needs the same authority in its tls/ folder
	// (MakeAuthority on one, then its ca.crt and ca.key copied to the others), and a
	// majority must be running for desktops to make changes. Empty: a server of its own.
	Peers []string
	// Endpoints are every server's address for desktops, HOST:CLIENT-PORT, which invite
	// codes give so that a desktop goes on with the others when one stops. Empty: this
	// server's only.
	Endpoints []string
}

// defaultName is the name of a server of its own.
const defaultName = "proofkeys"

// Server is a running server.
type Server struct {
	// Now is the server's clock, for invite expiry.
	Now func() time.Time

	cfg    Config
	etcd   *embed.Etcd
	join   *http.Server
	ca     *authority
	client *clientv3.Client
	// stopSnapshots ends the scheduled snapshots; snapshots is done when they have.
	stopSnapshots context.CancelFunc
	snapshots     sync.WaitGroup
	closed        sync.Once
}

// ErrStart means the server could not start (its message says why: a port in use, a folder
// that cannot be written).
var ErrStart = errors.New("the server could not start")

// Start runs the server until Close: its authority and certificate made in DataDir the
// first time, etcd with TLS and client certificates required, and the join service.
func Start(cfg Config) (*Server, error) {
	now := time.Now()
	tlsDir := filepath.Join(cfg.DataDir, "tls")
	ca, err := loadOrMakeAuthority(tlsDir, now)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrStart, err)
	}
	if err := ca.issueServer(tlsDir, cfg.Hosts, now); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrStart, err)
	}
	s := &Server{Now: time.Now, cfg: cfg, ca: ca}
	if s.etcd, err = embed.StartEtcd(s.etcdConfig(tlsDir)); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrStart, err)
	}
	select {
	case <-s.etcd.Server.ReadyNotify():
	case <-time.After(time.Minute):
		s.etcd.Close()
		return nil, fmt.Errorf("%w: etcd did not become ready", ErrStart)
	}
	if err := s.startClient(tlsDir); err != nil {
		s.Close()
		return nil, err
	}
	if err := s.startJoin(tlsDir); err != nil {
		s.Close()
		return nil, err
	}
	var ctx context.Context
	ctx, s.stopSnapshots = context.WithCancel(context.Background())
	s.snapshots.Go(func() { s.snapshotEvery(ctx, SnapshotEvery, s.warn) })
	return s, nil
}

// warn reports a problem the server goes on after, in its log.
func (s *Server) warn(err error) {
	if s.cfg.Logger != nil {
		s.cfg.Logger.Warn(err.Error())
	}
}

func (s *Server) etcdConfig(tlsDir string) *embed.Config {
	cfg := embed.NewConfig()
	cfg.Name = s.cfg.Name
	if cfg.Name == "" {
		cfg.Name = defaultName
	}
	cfg.Dir = filepath.Join(s.cfg.DataDir, "etcd")
	client := url.URL{Scheme: "https", Host: net.JoinHostPort(s.cfg.Listen, strconv.Itoa(s.cfg.ClientPort))}
	peer := url.URL{Scheme: "https", Host: net.JoinHostPort(s.cfg.Listen, strconv.Itoa(s.cfg.PeerPort))}
	cfg.ListenClientUrls, cfg.ListenPeerUrls = []url.URL{client}, []url.URL{peer}
	advertised := url.URL{Scheme: "https", Host: net.JoinHostPort(s.host(), strconv.Itoa(s.cfg.ClientPort))}
	advertisedPeer := url.URL{Scheme: "https", Host: net.JoinHostPort(s.host(), strconv.Itoa(s.cfg.PeerPort))}
	cfg.AdvertiseClientUrls, cfg.AdvertisePeerUrls = []url.URL{advertised}, []url.URL{advertisedPeer}
	cfg.InitialCluster = cfg.Name + "=" + advertisedPeer.String()
	if len(s.cfg.Peers) > 0 {
		cfg.InitialCluster, cfg.InitialClusterToken = strings.Join(s.cfg.Peers, ","), "proofkeys"
	}
	info := transport.TLSInfo{
		CertFile: filepath.Join(tlsDir, serverCertFile), KeyFile: filepath.Join(tlsDir, serverKeyFile),
		TrustedCAFile: filepath.Join(tlsDir, caCertFile), ClientCertAuth: true,
	}
	cfg.ClientTLSInfo, cfg.PeerTLSInfo = info, info
	// An hour of history for desktops that were away; older revisions are compacted.
	cfg.AutoCompactionMode, cfg.AutoCompactionRetention = "periodic", "1h"
	logger := s.cfg.Logger
	if logger == nil {
		logger = zap.NewNop()
	}
	cfg.ZapLoggerBuilder = embed.NewZapLoggerBuilder(logger)
	return cfg
}

// host is the name invite codes give.
func (s *Server) host() string {
	if len(s.cfg.Hosts) > 0 {
		return s.cfg.Hosts[0]
	}
	return "127.0.0.1"
}

// startClient connects the server's own client (for invites), with its own certificate.
func (s *Server) startClient(tlsDir string) error {
	pair, err := tls.LoadX509KeyPair(filepath.Join(tlsDir, serverCertFile), filepath.Join(tlsDir, serverKeyFile))
	if err != nil {
		return fmt.Errorf("%w: %w", ErrStart, err)
	}
	pool := x509.NewCertPool()
	pool.AddCert(s.ca.cert)
	s.client, err = clientv3.New(clientv3.Config{
		Endpoints:   []string{net.JoinHostPort("127.0.0.1", strconv.Itoa(s.cfg.ClientPort))},
		TLS:         &tls.Config{MinVersion: tls.VersionTLS12, Certificates: []tls.Certificate{pair}, RootCAs: pool},
		DialTimeout: 5 * time.Second, Logger: zap.NewNop(),
	})
	if err != nil {
		return fmt.Errorf("%w: %w", ErrStart, err)
	}
	return nil
}

// Endpoints are the client addresses invite codes give.
func (s *Server) Endpoints() []string {
	if len(s.cfg.Endpoints) > 0 {
		return s.cfg.Endpoints
	}
	return []string{net.JoinHostPort(s.host(), strconv.Itoa(s.cfg.ClientPort))}
}

// MakeAuthority makes the certificate authority in dataDir/tls, unless it is there, for
// the first of a cluster of servers: the others get a copy of its ca.crt and ca.key.
func MakeAuthority(dataDir string) error {
	_, err := loadOrMakeAuthority(filepath.Join(dataDir, "tls"), time.Now())
	return err
}

// DataDir is the server's data folder.
func (s *Server) DataDir() string { return s.cfg.DataDir }

// Close stops the scheduled snapshots, the join service and etcd. A second Close does
// nothing.
func (s *Server) Close() { s.closed.Do(s.close) }

func (s *Server) close() {
	if s.stopSnapshots != nil {
		s.stopSnapshots()
		s.snapshots.Wait()
	}
	if s.join != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		_ = s.join.Shutdown(ctx)
		cancel()
	}
	if s.client != nil {
		_ = s.client.Close()
	}
	s.etcd.Close()
}
