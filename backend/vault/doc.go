// Package vault keeps the secrets of API keys in the OS credential vault through
// 99designs/keyring: the Secret Service on Linux, the Keychain on macOS, the Credential
// Manager on Windows. It knows nothing of the database.
//
// The backend is pinned: keyring.Open would otherwise fall through silently to the next
// backend it finds, and a secret could land somewhere the person never chose.
// On Linux the Secret Service's "login" collection is used, because creating a new
// collection asks for a password in a prompt that can block forever without a desktop.
package vault
