// Plain words for the audit log's action names. The names themselves stay in exports and
// filters, where scripts and auditors rely on them; a name this list does not know yet is
// shown as it is.

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
};

/** The plain-words label of an audit action. */
export function actionLabel(action: string): string {
  return labels[action] ?? action;
}
