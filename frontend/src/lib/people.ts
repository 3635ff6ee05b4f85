// Words about members and who can help, shared by the pages that explain permissions.
import type { AppError } from './errors';
import type { Role } from './types';

export const roleChoices: { value: Role; label: string }[] = [
  { value: 'owner', label: 'Owner' },
  { value: 'admin', label: 'Admin' },
  { value: 'team_member', label: 'Team member' },
];

/** "Dana", "Dana or Ari", "Dana, Ari or Sam"; a fallback when nobody is known. */
export function namesOr(names: string[], fallback = 'an owner or admin'): string {
  if (names.length === 0) return fallback;
  if (names.length === 1) return names[0];
  return `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

/**
 * Runs one change on the Members page: the call to Go, then a fresh list and the
 * announcement `done`. Resolves to the failure, or null: the part that made the change
 * shows it next to the control that caused it.
 */
export type RunChange = (work: () => Promise<unknown>, done: string) => Promise<AppError | null>;

/** The field error for a new passphrase typed twice two ways; null when both agree. */
export function passphraseMismatch(next: string, again: string): Record<string, string> | null {
  return next === again
    ? null
    : { again: 'The two passphrases are not the same. Type the new passphrase twice, the same way.' };
}
