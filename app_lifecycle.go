package main

import (
	"context"
	"log"
	"time"

	"proofkeys/backend/apikey"
	"proofkeys/backend/keys"
	"proofkeys/backend/org"
)

// expiryTick is how often a running app deletes the replaced keys whose grace period has
// ended: a key outlives its period by at most this long.
const expiryTick = 30 * time.Second

// ReplaceView is the outcome of a replace, for the UI to show both rows and say what to
// do next.
type ReplaceView struct {
	New        KeyView `json:"new"`
	Old        KeyView `json:"old"`
	OldDeleted bool    `json:"oldDeleted"`
}

// CopyView says how long the copied key stays on the clipboard: 0 is until the app quits.
type CopyView struct {
	ClearAfterSeconds int `json:"clearAfterSeconds"`
}

// ReplaceKey makes a new key with the same name and settings as id, and keeps the old one
// usable for graceHours (0, 1, 24 or 168), after which it is deleted. With 0 (the
// "compromised or exposed" path) the old key is deleted at once.
func (a *App) ReplaceKey(id string, graceHours int) (ReplaceView, error) {
	if a.openErr != nil {
		return ReplaceView{}, a.openErr
	}
	r, err := a.keys.Replace(a.member(), id, time.Duration(graceHours)*time.Hour)
	if err != nil && r.New.ID == "" {
		return ReplaceView{}, err
	}
	// With err set here the new key is made but the old one could not be deleted yet:
	// the UI shows both rows and the error says what happens next.
	return ReplaceView{New: a.keyView(r.New), Old: a.keyView(r.Old), OldDeleted: r.Old.State == apikey.Deleted}, err
}

// GetPolicies returns the organization's key policies.
func (a *App) GetPolicies() (org.Policies, error) {
	if a.openErr != nil {
		return org.Policies{}, a.openErr
	}
	return a.orgs.Policies()
}

// SavePolicies saves the rotation policy and the clipboard timeout (Owners and Admins).
func (a *App) SavePolicies(p org.Policies) (org.Policies, error) {
	if a.openErr != nil {
		return org.Policies{}, a.openErr
	}
	return a.orgs.SetPolicies(a.member(), p)
}

// openLifecycle runs after every open (at start, and after a restore reopens the data):
// it wires the clipboard's clear timer and deletes what expired while the app was closed.
func (a *App) openLifecycle(clip secureClipboard) {
	a.keys.ClearTimer = keys.NewClearTimer(clip.ClearIfOwned, keys.RealAfterFunc)
	a.expireDue(a.keys.Now())
}

// startLifecycle deletes the replaced keys whose grace period ends while the app runs,
// until ctx ends.
func (a *App) startLifecycle(ctx context.Context) {
	go func() {
		t := time.NewTicker(expiryTick)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				a.expireDue(a.keys.Now())
			}
		}
	}()
}

func (a *App) expireDue(now time.Time) {
	if n, err := a.keys.ExpireDue(now); n > 0 || err != nil {
		// Not fatal: what could not be deleted now is tried again at the next tick.
		log.Printf("grace periods: deleted %d replaced keys, error: %v", n, err)
	}
}

// stopLifecycle cancels the clipboard timer at quit, where the clipboard is cleared at once.
func (a *App) stopLifecycle() {
	if a.keys != nil && a.keys.ClearTimer != nil {
		a.keys.ClearTimer.Stop()
	}
}
