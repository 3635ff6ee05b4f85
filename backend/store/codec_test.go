package store_test

import (
	"encoding/json"
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"proofkeys/backend/apikey"
	"proofkeys/backend/audit"
	"proofkeys/backend/store"
)

// fill sets every field of the struct v points to a value that is not its zero value,
// each different, so that a field the record format leaves out cannot come back equal.
func fill(t *testing.T, v reflect.Value, n *int) {
	t.Helper()
	for i := range v.NumField() {
		f := v.Field(i)
		*n++
		switch {
		case f.Type() == reflect.TypeOf(time.Time{}):
			f.Set(reflect.ValueOf(time.Date(2026, 1, *n, 10, *n, 7, *n*1000+1, time.UTC)))
		case f.Kind() == reflect.String:
			f.SetString(fmt.Sprintf("value %d", *n))
		case f.Kind() == reflect.Int || f.Kind() == reflect.Uint64:
			f.Set(reflect.ValueOf(*n).Convert(f.Type()))
		case f.Kind() == reflect.Bool:
			f.SetBool(true)
		case f.Kind() == reflect.Struct:
			fill(t, f, n)
		case f.Kind() == reflect.Slice && f.Type().Elem().Kind() == reflect.Struct:
			f.Set(reflect.MakeSlice(f.Type(), 2, 2))
			fill(t, f.Index(0), n)
			fill(t, f.Index(1), n)
		default:
			t.Fatalf("fill: a field of kind %s: teach fill and the record format about it", f.Kind())
		}
	}
}

func TestKeyRecordKeepsEveryField(t *testing.T) {
	var k apikey.Key
	n := 0
	fill(t, reflect.ValueOf(&k).Elem(), &n)
	s, err := store.Open(t.TempDir())
	require.NoError(t, err)
	defer s.Close()
	require.NoError(t, s.Update(func(tx *store.Tx) error { return tx.PutKey(k) }))
	require.NoError(t, s.View(func(tx *store.Tx) error {
		got, err := tx.Key(k.ID)
		assert.Equal(t, k, got)
		require.NoError(t, err)
		all, err := tx.Keys(nil)
		assert.Equal(t, []apikey.Key{k}, all, "nil keeps every key")
		return err
	}))
}

// An event read back hashes to what was sealed, whatever its fields hold: the time's
// zone offset, which its JSON (and so its hash) shows, and a hash that is not hex.
func TestEventKeepsEveryFieldAndItsHash(t *testing.T) {
	var e audit.Event
	n := 0
	fill(t, reflect.ValueOf(&e).Elem(), &n)
	e.Changes[1].New = "é"
	e.Time = time.Date(2026, 3, 1, 9, 0, 0, 123, time.FixedZone("CET", 3600))
	prev := &audit.Event{Seq: 6, Hash: "the previous hash"}
	e = audit.Seal(e, prev)
	got, err := store.DecodeEvent(e.Seq, e.PrevHash, store.EncodeEvent(e))
	require.NoError(t, err)
	assert.JSONEq(t, mustJSON(t, e), mustJSON(t, got))
	assert.Equal(t, e.Hash, audit.Seal(got, prev).Hash, "the hash fits the event read back")

	e.Hash = "not a hex hash"
	got, err = store.DecodeEvent(e.Seq, e.PrevHash, store.EncodeEvent(e))
	require.NoError(t, err)
	assert.Equal(t, e.Hash, got.Hash, "kept as found, for Verify to name")

	e.Changes = nil
	lying := store.EncodeEvent(e)
	lying[len(lying)-1] = 3 // the count of changes, with none after it
	for _, bad := range [][]byte{nil, {0xE1}, store.EncodeEvent(e)[:20], append(store.EncodeEvent(e), 0), lying} {
		_, err := store.DecodeEvent(1, "", bad)
		assert.Error(t, err, "%x", bad)
	}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	raw, err := json.Marshal(v)
	require.NoError(t, err)
	return string(raw)
}
