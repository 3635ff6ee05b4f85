package audit_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"proofkeys/backend/audit"
)

func chain(n int) []audit.Event {
	var out []audit.Event
	var prev *audit.Event
	for i := range n {
		e := audit.Seal(audit.Event{Time: time.Date(2026, 11, 27, 10, i, 0, 0, time.UTC),
			Actor: "mem_1", ActorName: "Dana", Action: audit.KeyGenerated, KeyID: "key_1"}, prev)
		out = append(out, e)
		prev = &out[len(out)-1]
	}
	return out
}

func TestVerifyAcceptsAnIntactChain(t *testing.T) {
	events := chain(5)
	assert.Equal(t, uint64(5), events[4].Seq)
	assert.Equal(t, events[3].Hash, events[4].PrevHash)
	assert.NoError(t, audit.Verify(events))
	assert.NoError(t, audit.Verify(nil))
}

func TestVerifyNamesTheFirstBrokenEvent(t *testing.T) {
	cases := map[string]func([]audit.Event) []audit.Event{
		"edited":  func(e []audit.Event) []audit.Event { e[2].ActorName = "Mallory"; return e },
		"removed": func(e []audit.Event) []audit.Event { return append(e[:2:2], e[3:]...) },
		"swapped": func(e []audit.Event) []audit.Event { e[2], e[3] = e[3], e[2]; return e },
	}
	for name, tamper := range cases {
		t.Run(name, func(t *testing.T) {
			err := audit.Verify(tamper(chain(5)))
			require.ErrorIs(t, err, audit.ErrBroken)
			assert.Contains(t, err.Error(), "at event 3 ")
		})
	}
}
