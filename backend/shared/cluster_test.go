package shared_test

import (
	"fmt"
	"net"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	clientv3 "go.etcd.io/etcd/client/v3"
	"go.etcd.io/etcd/server/v3/embed"
	"go.uber.org/zap"
)

// cluster is a real etcd cluster of embedded members on 127.0.0.1, in the test process.
type cluster struct {
	configs []*embed.Config
	members []*embed.Etcd
	dirs    []string
	clients []string // client URLs
}

// freePorts reserves n ports from the OS and releases them for the members to take.
func freePorts(t testing.TB, n int) []int {
	t.Helper()
	ports := make([]int, n)
	listeners := make([]net.Listener, n)
	for i := range listeners {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		listeners[i], ports[i] = l, l.Addr().(*net.TCPAddr).Port
	}
	for _, l := range listeners {
		_ = l.Close()
	}
	return ports
}

func localURL(port int) url.URL {
	return url.URL{Scheme: "http", Host: fmt.Sprintf("127.0.0.1:%d", port)}
}

// startCluster starts n members and waits until they have a leader. Heartbeats are short
// so that the start and a new election take a fraction of a second, yet long enough
// not to miss on a loaded machine.
func startCluster(t testing.TB, n int, fsync bool) *cluster {
	t.Helper()
	ports := freePorts(t, 2*n)
	c := &cluster{}
	var initial []string
	for i := range n {
		initial = append(initial, fmt.Sprintf("m%d=http://%s", i, localURL(ports[2*i+1]).Host))
	}
	configs := make([]*embed.Config, n)
	for i := range n {
		cfg := embed.NewConfig()
		cfg.Name = fmt.Sprintf("m%d", i)
		cfg.Dir = t.TempDir()
		client, peer := localURL(ports[2*i]), localURL(ports[2*i+1])
		cfg.ListenClientUrls, cfg.AdvertiseClientUrls = []url.URL{client}, []url.URL{client}
		cfg.ListenPeerUrls, cfg.AdvertisePeerUrls = []url.URL{peer}, []url.URL{peer}
		cfg.InitialCluster = strings.Join(initial, ",")
		cfg.InitialClusterToken = "proofkeys-test"
		cfg.TickMs, cfg.ElectionMs = 50, 500
		cfg.UnsafeNoFsync = !fsync
		cfg.ZapLoggerBuilder = embed.NewZapLoggerBuilder(zap.NewNop())
		configs[i] = cfg
		c.dirs = append(c.dirs, cfg.Dir)
		c.clients = append(c.clients, client.Host)
	}
	c.configs, c.members = configs, make([]*embed.Etcd, n)
	t.Cleanup(c.stop)
	c.start(t)
	return c
}

// start starts every member (again, on its data, after stop) and waits until they are
// ready. One after the other: a member starting looks for itself at its peers, and a peer
// whose port is open but not served yet makes it wait a second; one not open yet answers
// at once.
func (c *cluster) start(t testing.TB) {
	t.Helper()
	for i, cfg := range c.configs {
		m, err := embed.StartEtcd(cfg)
		if err != nil {
			t.Fatalf("start member %d: %v", i, err)
		}
		c.members[i] = m
	}
	for _, m := range c.members {
		select {
		case <-m.Server.ReadyNotify():
		case <-time.After(20 * time.Second):
			t.Fatal("the cluster did not become ready")
		}
	}
}

// stop kills every member still running, all at once: a test's data is thrown away, so
// the members need not hand over leadership first.
func (c *cluster) stop() {
	var wg sync.WaitGroup
	for i, m := range c.members {
		if m != nil {
			wg.Go(func() { c.kill(i) })
		}
	}
	wg.Wait()
}

// leader is the index of the member that leads now.
func (c *cluster) leader(t testing.TB) int {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		for i, m := range c.members {
			if m != nil && m.Server.Leader() == m.Server.MemberID() {
				return i
			}
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatal("no leader")
	return -1
}

// kill stops member i at once, without handing its leadership over, as a crash would.
func (c *cluster) kill(i int) {
	m := c.members[i]
	c.members[i] = nil
	m.Server.HardStop()
	m.Close()
}

// client connects to every member.
func (c *cluster) client(t testing.TB) *clientv3.Client {
	t.Helper()
	cl, err := clientv3.New(clientv3.Config{
		Endpoints: c.clients, DialTimeout: 5 * time.Second, Logger: zap.NewNop(),
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cl.Close() })
	return cl
}
