// Words and dates as people read them.
import type { Environment, Role } from './types';

const roles: Record<Role, string> = {
  owner: 'Owner',
  admin: 'Admin',
  team_member: 'Team member',
};

export function roleLabel(role: string): string {
  return roles[role as Role] ?? role;
}

const environments: Record<Environment, string> = {
  production: 'Production',
  sandbox: 'Sandbox',
};

export function environmentLabel(env: Environment): string {
  return environments[env];
}

function parse(iso: string): Date | null {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

// An RFC 3339 time in local words; the input itself if unreadable.
function local(iso: string, style: Intl.DateTimeFormatOptions): string {
  const d = parse(iso);
  return d ? d.toLocaleString(undefined, style) : iso;
}

/** The local date, e.g. "Nov 2, 2026". */
export const formatDate = (iso: string) => local(iso, { dateStyle: 'medium' });

/** The local date and time in full, e.g. "Monday, November 2, 2026 at 2:28 PM". */
export const formatDateTime = (iso: string) => local(iso, { dateStyle: 'full', timeStyle: 'short' });

/** The local date and time where space is short (a table cell), e.g. "Nov 2, 2026, 2:28 PM". */
export const formatStamp = (iso: string) => local(iso, { dateStyle: 'medium', timeStyle: 'short' });

// Where the key secrets are, in words that read inside a sentence ("kept in …"): no
// parentheses, so a sentence may put the name in its own.
const vaults: Record<string, string> = {
  'secret-service': "your desktop's password store, GNOME Keyring or KWallet",
  secretservice: "your desktop's password store, GNOME Keyring or KWallet",
  keychain: 'the macOS Keychain',
  wincred: 'Windows Credential Manager',
  kwallet: 'KWallet',
  keyctl: 'the Linux kernel keyring, which is emptied when the computer restarts',
  pass: 'pass, the standard Unix password manager',
  file: 'an encrypted file',
};

export function vaultLabel(backend: string): string {
  return vaults[backend.toLowerCase()] ?? backend;
}
