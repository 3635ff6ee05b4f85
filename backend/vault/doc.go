// Package vault keeps the secrets of API keys in the OS credential vault through
// 99designs/keyring: the Secret Service on Linux, the Keychain on macOS, the Credential
// Manager on Windows. It knows nothing of the database.
//
// The backend is pinned: keyring.Open would otherwise fall through silently to the next
// backend it finds, and a secret could land somewhere the person never chose.
// On Linux the Secret Service's "login" collection is used, because creating a new
// collection asks for a password in a prompt that can block forever without a desktop.
//
// A key's item says what it is (Item): a label a person can read in the vault's own
// window, and on the Secret Service the attributes application=proofkeys, data_folder,
// organization, key_id and environment, never the secret. keyring cannot set them (it
// names an item by its key and gives it the one attribute profile=<key>), so they are set
// over D-Bus after keyring stored the secret; profile stays, since keyring finds items by
// it. They let Items list one data folder's secrets, to give records back to secrets
// left without one after a restore.
package vault
