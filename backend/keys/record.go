package keys

import (
	"proofkeys/backend/access"
	"proofkeys/backend/apikey"
	"proofkeys/backend/audit"
	"proofkeys/backend/store"
)

// record appends an audit event about k by m, in the use case's own transaction.
func (s *Service) record(tx *store.Tx, m access.Member, action audit.Action, k apikey.Key, changes []audit.Change) error {
	_, err := tx.AppendEvent(audit.Event{
		Time: s.Now().UTC(), Actor: m.ID, ActorName: m.Name, Action: action,
		Environment: string(k.Environment), KeyID: k.ID, KeyName: k.Settings.Name, Detail: string(k.Environment) + " " + k.Hint(),
		Changes: changes,
	})
	return err
}
