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

func headOf(e audit.Event) audit.Head { return audit.Head{Seq: e.Seq, Hash: e.Hash} }

func TestLogVerifyChecksTheEndAgainstTheHead(t *testing.T) {
	events := chain(4)
	assert.NoError(t, audit.Log{Events: events, Head: headOf(events[3])}.Verify())
	assert.NoError(t, audit.Log{}.Verify(), "an empty log has no head")

	cut := audit.Log{Events: events[:2], Head: headOf(events[3])}.Verify()
	require.ErrorIs(t, cut, audit.ErrBroken)
	assert.Contains(t, cut.Error(), "it stops at event 2, but 4 events were recorded")

	emptied := audit.Log{Head: headOf(events[3])}.Verify()
	assert.ErrorIs(t, emptied, audit.ErrBroken, "every event removed")

	resealed := append([]audit.Event{}, events...)
	resealed[3].ActorName = "Mallory"
	resealed[3] = audit.Seal(resealed[3], &resealed[2])
	assert.NoError(t, audit.Verify(resealed), "the chain alone accepts a resealed last event")
	err := audit.Log{Events: resealed, Head: headOf(events[3])}.Verify()
	require.ErrorIs(t, err, audit.ErrBroken)
	assert.Contains(t, err.Error(), "at event 4, its last")

	noHead := audit.Log{Events: events}.Verify()
	require.ErrorIs(t, noHead, audit.ErrBroken, "events without the head recorded with them")
	assert.Contains(t, noHead.Error(), "the record of where it ends is missing")
}

func TestLogContainsAnAnchor(t *testing.T) {
	events := chain(3)
	log := audit.Log{Events: events, Head: headOf(events[2])}
	assert.True(t, log.Contains(events[1].Hash))
	assert.False(t, log.Contains(chain(4)[3].Hash))
	assert.False(t, log.Contains(""))
}
