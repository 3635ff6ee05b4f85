package vault

import (
	"errors"
	"fmt"

	"github.com/godbus/dbus/v5"
)

// The Secret Service's D-Bus names (freedesktop.org Secret Service API).
const (
	ssName       = "org.freedesktop.secrets"
	ssPath       = "/org/freedesktop/secrets"
	ssSearch     = "org.freedesktop.Secret.Service.SearchItems"
	ssLabel      = "org.freedesktop.Secret.Item.Label"
	ssAttributes = "org.freedesktop.Secret.Item.Attributes"
)

// errItemLocked: the item is in a locked collection, so its properties cannot be set.
var errItemLocked = errors.New("the item is locked")

// describeSecretService sets the label and attributes of the item keyring stored under
// it.KeyID.
func describeSecretService(it Item) error {
	conn, err := dbus.SessionBus()
	if err != nil {
		return fmt.Errorf("%w: %w", ErrUnavailable, err)
	}
	unlocked, locked, err := search(conn, map[string]string{attrProfile: it.KeyID})
	if err != nil {
		return err
	}
	if len(unlocked) == 0 && len(locked) > 0 {
		return fmt.Errorf("%w: %w", ErrLocked, errItemLocked)
	}
	if len(unlocked) == 0 {
		return ErrNotFound
	}
	for _, path := range unlocked {
		obj := conn.Object(ssName, path)
		if err := obj.SetProperty(ssLabel, dbus.MakeVariant(it.Label)); err != nil {
			return err
		}
		if err := obj.SetProperty(ssAttributes, dbus.MakeVariant(it.attributes())); err != nil {
			return err
		}
	}
	return nil
}

// itemsSecretService lists proofkeys' items of the data folder or of the organization.
func itemsSecretService(folder, org string) ([]Item, error) {
	conn, err := dbus.SessionBus()
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrUnavailable, err)
	}
	seen := map[dbus.ObjectPath]bool{}
	var out []Item
	for attr, value := range map[string]string{attrFolder: folder, attrOrg: org} {
		if value == "" {
			continue
		}
		unlocked, locked, err := search(conn, map[string]string{attrApplication: ServiceName, attr: value})
		if err != nil {
			return nil, err
		}
		if len(locked) > 0 {
			return nil, fmt.Errorf("%w: %w", ErrLocked, errItemLocked)
		}
		for _, path := range unlocked {
			if seen[path] {
				continue
			}
			seen[path] = true
			obj := conn.Object(ssName, path)
			var label string
			var attrs map[string]string
			if err := obj.StoreProperty(ssLabel, &label); err != nil {
				return nil, err
			}
			if err := obj.StoreProperty(ssAttributes, &attrs); err != nil {
				return nil, err
			}
			out = append(out, itemOf(label, attrs))
		}
	}
	return out, nil
}

func search(conn *dbus.Conn, attrs map[string]string) (unlocked, locked []dbus.ObjectPath, err error) {
	err = conn.Object(ssName, ssPath).Call(ssSearch, 0, attrs).Store(&unlocked, &locked)
	return unlocked, locked, err
}
