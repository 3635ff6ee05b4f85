// The shapes the Go side sends and takes, by their JSON names.

export type Environment = 'production' | 'sandbox';
export type Role = 'owner' | 'admin' | 'team_member';
export type Payer = 'signer' | 'invoice' | 'organization';
export type DocumentRequirement = 'notarization' | 'esign' | 'identity_confirmation';

export interface Member {
  id: string;
  name: string;
  email: string;
  role: Role;
}

export interface StateView {
  needsSetup: boolean;
  /** Someone must sign in: access.signInChoices lists who. */
  needsSignIn: boolean;
  orgId: string;
  orgName: string;
  me: Member;
  apiAccess: boolean;
  canManageKeys: boolean;
  payerInvoice: boolean;
  payerOrganization: boolean;
  dataDir: string;
  vaultBackend: string;
  access: AccessView;
}

export interface SetupInput {
  orgName: string;
  name: string;
  email: string;
}

export interface Settings {
  name: string;
  payer: Payer;
  minSigners: number;
  maxSigners: number;
  documentRequirement: DocumentRequirement;
  transactionName: string;
  transactionType: string;
  documentCategory: string;
  externalId: string;
  allowSignerAnnotations: boolean;
  requireSecondaryPhotoId: boolean;
  forceRedirect: boolean;
  redirectUrl: string;
  redirectButtonText: string;
}

export interface KeyView {
  id: string;
  environment: Environment;
  /** The key's prefix and last characters, e.g. "prf_…x7Qa". Never the secret. */
  hint: string;
  /** RFC 3339. */
  createdAt: string;
  /** The name of the member who generated the key. */
  createdBy: string;
  settings: Settings;
  /** RFC 3339: a replaced key is deleted then. */
  expiresAt?: string;
  replacedBy?: string;
  /** "Name (prf_…abcd)" of the key that replaced this one. */
  replacedByLabel?: string;
  replaces?: string;
  replacesLabel?: string;
  /** Older than the organization's rotation policy. */
  rotationDue: boolean;
}

// Key lifecycle: replace, check, policies, audit log.

export interface ReplaceView {
  new: KeyView;
  old: KeyView;
  oldDeleted: boolean;
}

export interface CopyView {
  /** Seconds until Go clears the clipboard; 0 is never (until the app quits). */
  clearAfterSeconds: number;
}

export interface Policies {
  rotationDays: number;
  clipboardClearSeconds: number;
}

export type Verdict = 'active' | 'replaced' | 'wrong_environment' | 'deleted' | 'expired' | 'unknown' | 'invalid';

export interface CheckedKey {
  id: string;
  name: string;
  hint: string;
  environment: Environment;
  state: string;
  createdAt: string;
  createdBy: string;
  deletedAt?: string;
  deletedBy?: string;
  expiresAt?: string;
  replacementLabel?: string;
}

export interface CheckView {
  verdict: Verdict;
  ok: boolean;
  message: string;
  hint: string;
  key?: CheckedKey;
  position?: number;
}

export interface AuditFilter {
  actor: string;
  keyId: string;
  action: string;
  /** YYYY-MM-DD, local. */
  from: string;
  to: string;
}

export interface AuditChange {
  field: string;
  old: string;
  new: string;
}

export interface AuditEvent {
  seq: number;
  time: string;
  actor: string;
  actorName: string;
  action: string;
  keyId?: string;
  keyName?: string;
  detail?: string;
  changes?: AuditChange[];
}

export interface Option {
  value: string;
  label: string;
}

export interface AuditView {
  events: AuditEvent[];
  matched: number;
  intact: boolean;
  broken?: string;
  /** The last event's hash, for `proofkeys audit verify --anchor`. */
  anchor?: string;
  members: Option[];
  keys: Option[];
  actions: string[];
}

// The key inventory (backend/inventory): every key the org has had. Times are RFC 3339;
// an absent time is a missing field.
export type InventoryState = 'active' | 'expiring' | 'deleted';
export type Rotation = 'ok' | 'due_soon' | 'overdue' | 'off' | 'none';
export type ExportFormat = 'csv' | 'json' | 'html';

export interface InventoryRow {
  id: string;
  name: string;
  environment: Environment;
  /** The key's prefix and last four characters. Never the secret. */
  key: string;
  state: InventoryState;
  payer: Payer;
  minSigners: number;
  maxSigners: number;
  createdAt: string;
  createdBy: string;
  ageDays: number;
  rotation: Rotation;
  rotationDue?: string;
  copyCount: number;
  lastCopiedAt?: string;
  lastCopiedBy?: string;
  replaces?: string;
  replacedBy?: string;
  expiresAt?: string;
  deletedAt?: string;
  deletedBy?: string;
}

export interface InventorySummary {
  total: number;
  active: number;
  overdue: number;
  dueSoon: number;
  expiring: number;
  deletedLast30: number;
  neverCopied: number;
}

export interface AgeBand {
  label: string;
  from: number;
  /** 0: no upper end. */
  to: number;
  count: number;
  overdue: boolean;
}

export interface InventoryReport {
  generatedAt: string;
  orgName: string;
  /** 0: no rotation policy. */
  rotationDays: number;
  summary: InventorySummary;
  chart: { policyDays: number; bands: AgeBand[] };
  keys: InventoryRow[];
}

export interface ExportView {
  /** '' when the person cancelled the save dialog. */
  path: string;
  keys: number;
}

export interface SnapshotView {
  name: string;
  taken: string;
  size: number;
  readable: boolean;
}


// Who may do what, sign-in, enablement, troubleshooting.

export interface AccessView {
  /** Several members, or a passphrase is set: the app locks. */
  signInRequired: boolean;
  autoLockMinutes: number;
  hasPassphrase: boolean;
  canManageMembers: boolean;
  canApplyEnablement: boolean;
  canTrustStaffKeys: boolean;
  canChangeSettings: boolean;
  /** A demo organization, enabled by a key made on this computer, not by Proof. */
  demo: boolean;
  /** Names of the members who can give the Manage API keys permission. */
  grantors: string[];
  signInChoices: Member[];
}

export interface MemberListView extends Member {
  manageApiKeys: boolean;
  canManageKeys: boolean;
  hasPassphrase: boolean;
  createdAt: string;
}

export interface NewMemberInput {
  name: string;
  email: string;
  role: Role;
  manageApiKeys: boolean;
  passphrase: string;
}

export type Grant = 'api_access' | 'payer_invoice' | 'payer_organization';

export interface EnablementEntryView {
  grant: Grant;
  enabled: boolean;
  issuedBy: string;
  keyId: string;
  issuedAt: string;
  appliedAt: string;
  appliedBy: string;
}

export interface StaffKeyView {
  id: string;
  name: string;
  builtIn: boolean;
  demo: boolean;
  addedAt?: string;
}

export interface EnablementView {
  apiAccess: boolean;
  payerInvoice: boolean;
  payerOrganization: boolean;
  demo: boolean;
  current: EnablementEntryView[];
  history: EnablementEntryView[];
  staffKeys: StaffKeyView[];
}

export interface TroubleshootView {
  apiAccess: boolean;
  demo: boolean;
  apiAccessBy?: EnablementEntryView;
  enablement: EnablementEntryView[];
  orgId: string;
  role: Role;
  manageApiKeys: boolean;
  canManageKeys: boolean;
  grantors: string[];
  vaultBackend: string;
  vaultAnswers: boolean;
  vaultProblem?: string;
}

export interface SavedView {
  /** '' when the person cancelled the dialog. */
  path: string;
}
