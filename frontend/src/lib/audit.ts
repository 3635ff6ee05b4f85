// Plain words for the audit log: its action names and the changes events record. The
// names themselves stay in exports and filters, where scripts and auditors rely on them;
// a name this file does not know yet is shown as it is.
import { formatStamp, roleLabel } from './format';
import { payers, requirements } from './settings';
import type { AuditChange } from './types';

const labels: Record<string, string> = {
  'org.setup': 'Set up the organization',
  'org.settings': 'Changed the key policies',
  'org.enablement': 'Applied a code from Proof',
  'org.staff_key_trust': 'Trusted a Proof staff key',
  'org.staff_key_remove': 'Stopped trusting a Proof staff key',
  'key.generate': 'Generated a key',
  'key.configure': 'Changed key settings',
  'key.copy': 'Copied a key',
  'key.replace': 'Replaced a key',
  'key.expire': 'Deleted a replaced key at the end of its grace period',
  'key.delete': 'Deleted a key',
  'member.add': 'Added a member',
  'member.change': 'Changed a member',
  'member.remove': 'Removed a member',
  'member.passphrase': 'Set a passphrase',
  'member.signin_failed': 'Failed to sign in',
  'member.signin': 'Signed in',
  'member.signin_wait': 'Had to wait after wrong passphrases',
  'member.lock': 'Locked the app',
  'member.passphrase_recover': 'Set a new passphrase with the recovery code',
  'key.reattach': 'Brought back a key found in the vault',
  'key.delete_exposed': 'Deleted an exposed key at once',
  'org.certificate_revoke': 'Applied a revocation from Proof',
};

/** The plain-words label of an audit action. */
export function actionLabel(action: string): string {
  return labels[action] ?? action;
}

// How a change's field is named and its values read. Fields are the JSON names Go records
// (backend/keys/configure.go, org/settings.go, org/members.go, org/enablement.go,
// keys/replace.go); values are shown as recorded unless a reader below knows better.
type Reader = (value: string, keyName: (id: string) => string) => string;
const yesNo: Reader = (v) => (v === 'true' ? 'Yes' : v === 'false' ? 'No' : v);
const enabled: Reader = (v) => (v === 'true' ? 'Enabled' : v === 'false' ? 'Not enabled' : v);
const fromList =
  (list: { value: string; label: string }[]): Reader =>
  (v) =>
    list.find((o) => o.value === v)?.label ?? v;
const count =
  (unit: string, zero: string): Reader =>
  (v) =>
    v === '0' ? zero : `${v} ${unit}`;

const fields: Record<string, [string, Reader?]> = {
  name: ['Name'],
  payer: ['Payer', fromList(payers)],
  minSigners: ['Minimum signers'],
  maxSigners: ['Maximum signers'],
  documentRequirement: ['Default document requirement', fromList(requirements)],
  transactionName: ['Transaction name'],
  transactionType: ['Transaction type'],
  documentCategory: ['Document category'],
  externalId: ['External ID'],
  allowSignerAnnotations: ['Allow signer annotations', yesNo],
  requireSecondaryPhotoId: ['Require secondary photo ID', yesNo],
  forceRedirect: ['Force redirect', yesNo],
  redirectUrl: ['Redirect URL'],
  redirectButtonText: ['Redirect button text'],
  clipboardClearSeconds: ['Clear the clipboard after', count('seconds', 'never')],
  rotationDays: ['Rotate keys every', count('days', 'off')],
  autoLockMinutes: ['Lock after', count('idle minutes', 'never')],
  role: ['Role', roleLabel],
  manageApiKeys: ['Manage API keys', yesNo],
  api_access: ['API access', enabled],
  payer_invoice: ['Invoice payer', enabled],
  payer_organization: ['Your Organization payer', enabled],
  replaces: ['Replaces', (id, keyName) => keyName(id)],
  replacedBy: ['Replaced by', (id, keyName) => keyName(id)],
  expiresAt: ['Stops working', formatStamp],
};

// Fields a replace records with their new value only.
const newOnly = new Set(['replaces', 'replacedBy', 'expiresAt']);

/** A change in plain words, e.g. "Maximum signers: 1 → 4"; keyName names a key by its ID. */
export function changeText(c: AuditChange, keyName: (id: string) => string = (id) => id): string {
  const [label, read = (v: string) => v] = fields[c.field] ?? [c.field];
  const value = (v: string) => (v === '' ? '(empty)' : read(v, keyName));
  return newOnly.has(c.field) ? `${label}: ${value(c.new)}` : `${label}: ${value(c.old)} → ${value(c.new)}`;
}
