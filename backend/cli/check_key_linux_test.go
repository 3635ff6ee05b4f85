package cli_test

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/sys/unix"

	"proofkeys/backend/cli"
)

// openPTY opens a pseudo-terminal: what a person types goes into main, the command reads
// it from tty, and main receives whatever the terminal shows, echo included.
func openPTY(t *testing.T) (main, tty *os.File) {
	t.Helper()
	main, err := os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	require.NoError(t, err)
	t.Cleanup(func() { _ = main.Close() })
	require.NoError(t, unix.IoctlSetPointerInt(int(main.Fd()), unix.TIOCSPTLCK, 0))
	n, err := unix.IoctlGetInt(int(main.Fd()), unix.TIOCGPTN)
	require.NoError(t, err)
	tty, err = os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|syscall.O_NOCTTY, 0)
	require.NoError(t, err)
	return main, tty
}

// screen collects what the terminal shows.
type screen struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (s *screen) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.Write(p)
}

func (s *screen) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.String()
}

func TestCheckKeyAtATerminalPromptsAndDoesNotEcho(t *testing.T) {
	dir := auditFolder(t, 1)
	main, tty := openPTY(t)
	var shown screen
	copied := make(chan struct{})
	go func() { _, _ = io.Copy(&shown, main); close(copied) }()

	var out bytes.Buffer
	done := make(chan int)
	go func() {
		done <- cli.Run(cli.Env{Stdin: tty, Stdout: &out, Stderr: tty}, []string{"check-key", "--data-dir", dir})
	}()
	// Type only once the terminal no longer echoes, as a person would after the prompt.
	require.Eventually(t, func() bool {
		tio, err := unix.IoctlGetTermios(int(tty.Fd()), unix.TCGETS)
		return err == nil && tio.Lflag&unix.ECHO == 0
	}, 20*time.Second, 10*time.Millisecond, "check-key turns the echo off")
	const typed = "prf_live_NOTSHOWNONSCREEN"
	_, err := main.Write([]byte(typed + "\n"))
	require.NoError(t, err)
	select {
	case code := <-done:
		assert.Equal(t, cli.ExitProblem, code, "not a key of this organization")
	case <-time.After(30 * time.Second):
		t.Fatal("check-key did not finish after the key was typed")
	}
	require.NoError(t, tty.Close())
	<-copied

	assert.Contains(t, shown.String(), "Paste the key")
	assert.NotContains(t, shown.String(), "NOTSHOWN", "the key is not shown on the terminal")
	assert.NotContains(t, out.String(), "NOTSHOWN")
	assert.NotEmpty(t, out.String(), "the verdict")
}
