package store

import (
	"crypto/rand"
)

var keyFolderID = []byte("folder_id")

// FolderID is the data folder's identity: random, made when the database is first
// opened for writing, and kept in the file (so snapshots and restores keep it too).
// The vault's items carry it, so the items of one data folder can be told from
// another's. It is "" in a file no proofkeys has opened for writing since it was added.
func (t *Tx) FolderID() string {
	return string(t.tx.Bucket(bucketMeta).Get(keyFolderID))
}

// ensureFolderID gives the database its identity if it has none yet.
func (t *Tx) ensureFolderID() error {
	if t.FolderID() != "" {
		return nil
	}
	return t.tx.Bucket(bucketMeta).Put(keyFolderID, []byte("dir_"+rand.Text()))
}

var keyVaultItemsLabelled = []byte("vault_items_labelled")

// VaultItemsLabelled reports whether the vault items of this file's keys have been given
// their label and attributes (keys.Service.LabelVaultItems), so it runs once per file.
func (t *Tx) VaultItemsLabelled() bool {
	return t.tx.Bucket(bucketMeta).Get(keyVaultItemsLabelled) != nil
}

// SetVaultItemsLabelled records that the vault items have been labelled.
func (t *Tx) SetVaultItemsLabelled() error {
	return t.tx.Bucket(bucketMeta).Put(keyVaultItemsLabelled, []byte{1})
}
