// Which case of the Troubleshooting page answers an error, by the error's code.
import type { ErrorCode } from './errors';
import type { TroubleCase } from './route';

const cases: Partial<Record<ErrorCode, TroubleCase>> = {
  no_api_access: 'no-api-keys',
  code_untrusted: 'no-api-keys',
  code_other_org: 'no-api-keys',
  code_expired: 'no-api-keys',
  code_tampered: 'no-api-keys',
  code_malformed: 'no-api-keys',
  code_superseded: 'no-api-keys',
  forbidden: 'cannot-generate',
  vault_locked: 'cannot-generate',
  vault_unavailable: 'cannot-generate',
  secret_missing: 'cannot-authenticate',
  key_not_found: 'cannot-authenticate',
  secret_mismatch: 'key-exposed',
};

export function troubleCaseFor(code: ErrorCode): TroubleCase | null {
  return cases[code] ?? null;
}
