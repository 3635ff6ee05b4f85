// Plain words for the audit log: its action names, who acted, the details and the changes
// events record. The action names themselves stay in exports, where scripts and auditors
// rely on them; the page shows none of them, nor the IDs Go keeps in a detail.
import { formatStamp, roleLabel } from './format';
import { payers, requirements } from './settings';
import type { AuditChange } from './types';

const labels: Record<string, string> = {
  'org.setup': 'Set up the organization',
  'org.settings': 'Changed the key policies',
  'org.enablement': 'Applied a code from Proof',
  'org.staff_key_trust': 'Trusted a Proof staff key',
  'org.staff_key_remove': 'Stopped trusting a Proof staff key',
  'org.certificate_revoke': 'Proof withdrew a CSM certificate',
  'key.generate': 'Generated a key',
  'key.configure': 'Changed key settings',
  'key.copy': 'Copied a key',
  'key.replace': 'Replaced a key',
  'key.expire': 'Deleted a replaced key at the end of its grace period',
  'key.delete': 'Deleted a key',
  'key.delete_exposed': 'Deleted an exposed key at once',
  'keys.scan': 'Scanned for exposed keys',
  'member.add': 'Added a member',
  'member.change': 'Changed a member',
  'member.remove': 'Removed a member',
  'member.passphrase': 'Set a passphrase',
  'member.passphrase_recover': 'Set a new passphrase with a recovery code',
  'member.signin': 'Signed in',
  'member.signin_failed': 'Tried to sign in with a wrong passphrase',
  'member.signin_wait': 'Sign-in held back after wrong passphrases',
  'member.lock': 'Locked proofkeys',
  'key.reattach': 'Brought back a key found in the vault',
};

const areas: Record<string, string> = { key: 'Key', member: 'Member', org: 'Organization' };

/**
 * The plain-words label of an audit action. One this version does not know (written by a
 * newer one) still reads as words: "key.rename_all" is "Key: rename all".
 */
export function actionLabel(action: string): string {
  const known = labels[action];
  if (known) return known;
  const dot = action.indexOf('.');
  const area = dot > 0 ? action.slice(0, dot) : '';
  const words = action.slice(dot + 1).replace(/[._-]+/g, ' ').trim() || 'something';
  return `${areas[area] ?? 'Other'}: ${words}`;
}

/** Who acted: a failed sign-in has nobody known behind it, and reads "Someone". */
export function actorText(actorName: string | undefined): string {
  return actorName?.trim() || 'Someone';
}

// The internal IDs Go keeps in a detail: members, keys, staff keys, certificates, roots, codes.
const id = '(?:mem|key|stk|crt|rtk|enc)_[A-Za-z0-9]+';
// "(mem_1)", "(key stk_1, certificate crt_2, root rtk_3)": parentheses that hold only IDs
const idsInParens = new RegExp(`\\s*\\((?:\\s*(?:[a-z]+\\s+)?${id}\\s*,?)+\\)`, 'g');
// "code enc_1 ", "certificate crt_1, crt_2": IDs, with the word that introduces them
const namedIds = new RegExp(`\\b(?:(?:code|key|certificate|root)\\s+)?${id}(?:\\s*,\\s*${id})*\\s*`, 'g');

/**
 * An event's detail without the IDs Go keeps in it (exports keep them): "Tess (mem_A7f…)"
 * is "Tess", "code enc_8f… issued by Sam at Proof (key stk_…, certificate crt_…)" is
 * "issued by Sam at Proof".
 */
export function detailText(detail: string | undefined): string {
  return (detail ?? '')
    .replace(idsInParens, '')
    .replace(namedIds, '')
    .replace(/[\s:,]+$/, '')
    .trim();
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
