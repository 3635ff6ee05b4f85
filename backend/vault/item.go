package vault

import (
	"errors"
	"fmt"
	"strings"
)

// Item is what the vault shows and keeps about a key's secret, never the secret itself:
// a label a person can read in the vault's own window (Seahorse, KWallet, Keychain
// Access), and attributes that tie the item to proofkeys, to one data folder and to one
// key, so that `secret-tool search application proofkeys` finds them and the items of a
// data folder can be told from another's.
type Item struct {
	KeyID       string `json:"keyId"` // the name the secret is stored under
	Label       string `json:"label"`
	Environment string `json:"environment"`
	Folder      string `json:"folder"` // the data folder's identity
	Org         string `json:"org"`    // the organization's ID
}

// Attribute names on the Secret Service. "profile" is 99designs/keyring's own: it finds
// an item by it, so it stays.
const (
	attrProfile     = "profile"
	attrApplication = "application"
	attrKeyID       = "key_id"
	attrEnvironment = "environment"
	attrFolder      = "data_folder"
	attrOrg         = "organization"
)

// ErrNoListing means this backend cannot list its items by data folder.
var ErrNoListing = errors.New("this credential vault cannot list proofkeys' items")

// attributes are it's Secret Service attributes.
func (it Item) attributes() map[string]string {
	return map[string]string{
		attrProfile: it.KeyID, attrApplication: ServiceName, attrKeyID: it.KeyID,
		attrEnvironment: it.Environment, attrFolder: it.Folder, attrOrg: it.Org,
	}
}

// itemOf reads an Item back from Secret Service attributes and a label.
func itemOf(label string, attrs map[string]string) Item {
	return Item{KeyID: attrs[attrKeyID], Label: label, Environment: attrs[attrEnvironment],
		Folder: attrs[attrFolder], Org: attrs[attrOrg]}
}

// SetKey stores a key's secret under it.KeyID and describes the item with it (Describe).
func (v *Vault) SetKey(secret string, it Item) error {
	if err := v.Set(it.KeyID, secret, it.Label); err != nil {
		return err
	}
	return v.Describe(it)
}

// Describe gives the item stored under it.KeyID its label and attributes. keyring names
// a Secret Service item by its key and gives it the one attribute "profile", so on the
// Secret Service the item's properties are set afterwards over D-Bus (the specification
// makes both writable). The Keychain shows the label keyring passes; the other backends
// keep neither, and Describe does nothing there.
func (v *Vault) Describe(it Item) error {
	if v.backend != "secret-service" {
		return nil
	}
	return classify("label the secret", describeSecretService(it))
}

// Items lists the items of proofkeys in the vault that belong to the data folder folder
// or to the organization org ("" matches nothing). On the Secret Service it searches the
// attributes; the file backend keeps one folder's secrets only, so all of its key items
// are listed. Other backends give ErrNoListing.
func (v *Vault) Items(folder, org string) ([]Item, error) {
	switch v.backend {
	case "secret-service":
		items, err := itemsSecretService(folder, org)
		return items, classify("list the vault's items", err)
	case "file":
		ring, err := v.open()
		if err != nil {
			return nil, err
		}
		ids, err := ring.Keys()
		if err != nil {
			return nil, classify("list the vault's items", err)
		}
		var out []Item
		for _, id := range ids {
			if strings.HasPrefix(id, "key_") {
				out = append(out, Item{KeyID: id, Folder: folder})
			}
		}
		return out, nil
	}
	return nil, fmt.Errorf("%w (%s)", ErrNoListing, v.backend)
}
