package invite

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"time"
)

// Credentials are what a desktop connects to the server with: its own key and the
// certificate the server signed for it, and the server's authority. The app keeps the
// key in the member's OS vault.
type Credentials struct {
	Endpoints []string
	Join      string // the join service, for the invites this desktop makes
	Prefix    string
	Member    string // who the code was for
	CertPEM   []byte
	KeyPEM    []byte
	CAPEM     []byte
}

// JoinRequest is what a desktop sends to the join service.
type JoinRequest struct {
	Token string `json:"token"`
	CSR   []byte `json:"csr"` // DER
}

// JoinResponse is what the join service answers.
type JoinResponse struct {
	Cert []byte `json:"cert"` // DER, signed by the CA
	CA   []byte `json:"ca"`   // DER
}

// Redeem uses the code once: it checks the join service's certificate against the code's
// authority before sending anything, sends the token with a request for a certificate
// for a key made here, and returns what the desktop connects with.
func Redeem(ctx context.Context, c Code, now time.Time) (Credentials, error) {
	if !now.Before(c.Expires) {
		return Credentials{}, ErrExpired
	}
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return Credentials{}, err
	}
	csr, err := x509.CreateCertificateRequest(rand.Reader, &x509.CertificateRequest{
		Subject: pkix.Name{CommonName: "proofkeys desktop"},
	}, key)
	if err != nil {
		return Credentials{}, err
	}
	resp, err := post(ctx, c, JoinRequest{Token: c.Token, CSR: csr})
	if err != nil {
		return Credentials{}, err
	}
	if Fingerprint(resp.CA) != c.CA {
		return Credentials{}, ErrWrongServer
	}
	keyDER, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		return Credentials{}, err
	}
	return Credentials{
		Endpoints: c.Endpoints, Join: c.Join, Prefix: c.Prefix, Member: c.Member,
		CertPEM: pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: resp.Cert}),
		KeyPEM:  pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: keyDER}),
		CAPEM:   pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: resp.CA}),
	}, nil
}

func post(ctx context.Context, c Code, req JoinRequest) (JoinResponse, error) {
	body, _ := json.Marshal(req) // strings and bytes: cannot fail
	hreq, err := http.NewRequestWithContext(ctx, http.MethodPost, "https://"+c.Join+"/join", bytes.NewReader(body))
	if err != nil {
		return JoinResponse{}, fmt.Errorf("%w: %w", ErrBadCode, err)
	}
	client := &http.Client{Transport: &http.Transport{TLSClientConfig: Pinned(c.CA)}, Timeout: 30 * time.Second}
	hresp, err := client.Do(hreq)
	var opErr *net.OpError
	switch {
	case errors.Is(err, ErrWrongServer):
		return JoinResponse{}, ErrWrongServer
	case errors.As(err, &opErr), errors.Is(err, context.DeadlineExceeded):
		return JoinResponse{}, fmt.Errorf("%w: %w", ErrNoServer, err)
	case err != nil:
		return JoinResponse{}, err
	}
	defer hresp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(hresp.Body, 1<<16))
	if err != nil {
		return JoinResponse{}, fmt.Errorf("%w: %w", ErrNoServer, err)
	}
	switch hresp.StatusCode {
	case http.StatusOK:
	case http.StatusGone:
		return JoinResponse{}, ErrExpired
	case http.StatusForbidden:
		return JoinResponse{}, ErrUsed
	default:
		return JoinResponse{}, fmt.Errorf("the join service answered %s", hresp.Status)
	}
	var out JoinResponse
	if err := json.Unmarshal(raw, &out); err != nil {
		return JoinResponse{}, fmt.Errorf("the join service's answer: %w", err)
	}
	return out, nil
}

// Pinned is a TLS configuration that accepts only a server whose chain ends at the
// authority with fingerprint ca (the server sends its authority with its certificate).
func Pinned(ca string) *tls.Config {
	return &tls.Config{
		MinVersion:         tls.VersionTLS13,
		InsecureSkipVerify: true, // replaced by VerifyConnection: the code pins the authority
		VerifyConnection: func(cs tls.ConnectionState) error {
			return verifyPinned(cs, ca)
		},
	}
}

func verifyPinned(cs tls.ConnectionState, ca string) error {
	if len(cs.PeerCertificates) < 2 {
		return ErrWrongServer
	}
	root := cs.PeerCertificates[len(cs.PeerCertificates)-1]
	if Fingerprint(root.Raw) != ca {
		return ErrWrongServer
	}
	pool := x509.NewCertPool()
	pool.AddCert(root)
	_, err := cs.PeerCertificates[0].Verify(x509.VerifyOptions{
		Roots: pool, DNSName: cs.ServerName, KeyUsages: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	})
	if err != nil {
		return fmt.Errorf("%w: %w", ErrWrongServer, err)
	}
	return nil
}

// TLS is the client configuration for the organization's etcd endpoints: the desktop's
// certificate, and the server's authority as the only one trusted.
func (c Credentials) TLS() (*tls.Config, error) {
	cert, err := tls.X509KeyPair(c.CertPEM, c.KeyPEM)
	if err != nil {
		return nil, fmt.Errorf("this computer's server credentials: %w", err)
	}
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(c.CAPEM) {
		return nil, errors.New("this computer's copy of the server's authority is not readable")
	}
	return &tls.Config{MinVersion: tls.VersionTLS12, Certificates: []tls.Certificate{cert}, RootCAs: pool}, nil
}
