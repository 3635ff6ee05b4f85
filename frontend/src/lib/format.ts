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

/** The local date of an RFC 3339 time, e.g. "Nov 2, 2026"; the input itself if unreadable. */
export function formatDate(iso: string): string {
  const d = parse(iso);
  return d ? d.toLocaleDateString(undefined, { dateStyle: 'medium' }) : iso;
}

/** The local date and time, for a tooltip. */
export function formatDateTime(iso: string): string {
  const d = parse(iso);
  return d ? d.toLocaleString(undefined, { dateStyle: 'full', timeStyle: 'short' }) : iso;
}

const vaults: Record<string, string> = {
  'secret-service': 'Secret Service (GNOME Keyring or KWallet)',
  secretservice: 'Secret Service (GNOME Keyring or KWallet)',
  keychain: 'macOS Keychain',
  wincred: 'Windows Credential Manager',
  kwallet: 'KWallet',
  keyctl: 'Linux kernel keyring (emptied when the computer restarts)',
  pass: 'pass (the standard Unix password manager)',
  file: 'an encrypted file',
};

export function vaultLabel(backend: string): string {
  return vaults[backend.toLowerCase()] ?? backend;
}
