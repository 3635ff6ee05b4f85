//go:build !linux

package vault

// The Secret Service is Linux's; elsewhere Describe and Items do not reach these.

func describeSecretService(Item) error { return ErrUnavailable }

func itemsSecretService(string, string) ([]Item, error) { return nil, ErrUnavailable }
