package server

import (
	"context"
	"crypto/tls"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"path/filepath"
	"strconv"
	"time"

	clientv3 "go.etcd.io/etcd/client/v3"

	"proofkeys/backend/invite"
)

// Invite makes a one-time invite code to the organization under prefix for member ("" for
// the organization's first desktop), good for ttl.
func (s *Server) Invite(ctx context.Context, prefix, member string, ttl time.Duration) (invite.Code, error) {
	base := invite.Code{
		Endpoints: s.Endpoints(), Join: net.JoinHostPort(s.host(), strconv.Itoa(s.cfg.JoinPort)),
		CA: invite.Fingerprint(s.ca.cert.Raw), Prefix: prefix,
	}
	return invite.Make(ctx, s.client, base, member, ttl, s.Now())
}

func (s *Server) startJoin(tlsDir string) error {
	pair, err := tls.LoadX509KeyPair(filepath.Join(tlsDir, serverCertFile), filepath.Join(tlsDir, serverKeyFile))
	if err != nil {
		return fmt.Errorf("%w: %w", ErrStart, err)
	}
	l, err := net.Listen("tcp", net.JoinHostPort(s.cfg.Listen, strconv.Itoa(s.cfg.JoinPort)))
	if err != nil {
		return fmt.Errorf("%w: join service: %w", ErrStart, err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /join", s.handleJoin)
	s.join = &http.Server{
		Handler: mux, ReadHeaderTimeout: 10 * time.Second,
		TLSConfig: &tls.Config{MinVersion: tls.VersionTLS13, Certificates: []tls.Certificate{pair}},
	}
	go func() { _ = s.join.ServeTLS(l, "", "") }()
	return nil
}

// handleJoin takes the token once: the invite is deleted in the same etcd transaction
// that reads it, so two desktops racing with one code get one certificate between them.
func (s *Server) handleJoin(w http.ResponseWriter, r *http.Request) {
	var req invite.JoinRequest
	if err := json.NewDecoder(io.LimitReader(r.Body, 1<<16)).Decode(&req); err != nil {
		http.Error(w, "not a join request", http.StatusBadRequest)
		return
	}
	key := invite.OpenPrefix + invite.TokenID(req.Token)
	resp, err := s.client.Txn(r.Context()).
		If(clientv3.Compare(clientv3.CreateRevision(key), ">", 0)).
		Then(clientv3.OpGet(key), clientv3.OpDelete(key)).Commit()
	if err != nil {
		http.Error(w, "the server cannot take invites now", http.StatusServiceUnavailable)
		return
	}
	if !resp.Succeeded {
		http.Error(w, "unknown or used invite", http.StatusForbidden)
		return
	}
	var open invite.Open
	kvs := resp.Responses[0].GetResponseRange().Kvs
	if len(kvs) == 0 || json.Unmarshal(kvs[0].Value, &open) != nil || !s.Now().Before(open.Expires) {
		http.Error(w, "expired invite", http.StatusGone)
		return
	}
	cert, err := s.ca.signClient(req.CSR, s.Now())
	if err != nil {
		http.Error(w, "not a certificate request", http.StatusBadRequest)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(invite.JoinResponse{Cert: cert, CA: s.ca.cert.Raw})
}
