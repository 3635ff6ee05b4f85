// The shapes the Go side sends and takes. They are the models Wails generates from the Go
// structs (wailsjs/go/models.ts, `make bindings`; the Go structs document each field), as
// plain JSON data, with the strings that only ever hold a few values narrowed to unions.
// A field added, renamed or removed in Go reaches this file with the next `make bindings`,
// and svelte-check (`make lint`) then finds every use that must follow.
import type { apikey, audit, inventory, keys, org, ui } from '../../wailsjs/go/models';

/** T as the JSON that arrives: the generated classes without their convertValues helper. */
type Data<T> = T extends (infer U)[]
  ? Data<U>[]
  : T extends object
    ? { [K in keyof T as K extends 'convertValues' ? never : K]: Data<T[K]> }
    : T;

/** T as data, with the types of some fields replaced by narrower ones. */
type Narrow<T, N extends { [K in keyof T]?: unknown }> = Omit<Data<T>, keyof N> & N;

export type Environment = 'production' | 'sandbox';
export type Role = 'owner' | 'admin' | 'team_member';
export type Payer = 'signer' | 'invoice' | 'organization';
export type DocumentRequirement = 'notarization' | 'esign' | 'identity_confirmation';

export type Member = Narrow<ui.MemberView, { role: Role }>;
/** Who may do what in this session; signInRequired: several members, or a passphrase is set. */
export type AccessView = Narrow<ui.AccessView, { signInChoices: Member[] }>;
export type StateView = Narrow<ui.StateView, { me: Member; access: AccessView }>;
export type SetupInput = Data<ui.SetupInput>;

export type Settings = Narrow<apikey.Settings, { payer: Payer; documentRequirement: DocumentRequirement }>;
/** A key as listed: hint is its prefix and last characters ("prf_…x7Qa"), never the secret. */
export type KeyView = Narrow<ui.KeyView, { environment: Environment; payer: Payer; settings?: Settings }>;

// Key lifecycle: replace, check, policies, audit log.

/** One window of the API Keys list, searched, filtered and ordered in Go. */
export type KeyPage = Narrow<ui.KeyPageView, { keys: KeyView[] }>;
export type KeyQuery = Narrow<ui.KeyQuery, { environment: Environment; filter: KeyFilter; order: KeyOrder }>;
export type KeyOrder = 'newest' | 'name';
export type KeyFilter = 'all' | 'overdue' | 'expiring' | 'never_copied';
export type ReplaceView = Narrow<ui.ReplaceView, { new: KeyView; old: KeyView }>;
/** clearAfterSeconds: when Go clears the clipboard; 0 is never (until the app quits). */
export type CopyView = Data<ui.CopyView>;
export type Policies = Data<org.Policies>;

export type Verdict = 'active' | 'replaced' | 'wrong_environment' | 'deleted' | 'expired' | 'unknown' | 'invalid';
export type CheckedKey = Narrow<ui.CheckedKey, { environment: Environment }>;
export type CheckView = Narrow<ui.CheckView, { verdict: Verdict; key?: CheckedKey }>;

// The scan for exposed keys (backend/scan's verdicts).
export type ScanVerdict =
  | 'active'
  | 'expiring'
  | 'deleted'
  | 'replaced'
  | 'another_environment'
  | 'not_this_organization'
  | 'client_only';
export type ScanRequest = Data<ui.ScanRequest>;
export type ScanPlace = Data<ui.ScanPlace>;
export type ScanFinding = Narrow<ui.ScanFinding, { verdict: ScanVerdict }>;
export type ScanView = Narrow<ui.ScanView, { findings: ScanFinding[] }>;
export type ScanStatus = Narrow<ui.ScanStatus, { result?: ScanView }>;

/** The Audit page's filters; from and to are local dates, YYYY-MM-DD. */
export type AuditFilter = Data<ui.AuditFilterInput>;
export type AuditChange = Data<audit.Change>;
export type AuditEvent = Data<ui.EventView>;
export type Option = Data<ui.Option>;
export type AuditView = Data<ui.AuditView>;
export type ChainView = Data<ui.ChainView>;
export type FiltersView = Data<ui.FiltersView>;
export type KeyChoicesView = Data<ui.KeyChoicesView>;

// The key inventory (backend/inventory): every key the org has had. Times are RFC 3339;
// an absent time is a missing field.
export type InventoryState = 'active' | 'expiring' | 'deleted';
export type Rotation = 'ok' | 'due_soon' | 'overdue' | 'off' | 'none';
export type ExportFormat = 'csv' | 'json' | 'html';

/** One key of the inventory; key is its prefix and last four characters, never the secret. */
export type InventoryRow = Narrow<
  inventory.Row,
  {
    environment: Environment;
    state: InventoryState;
    payer: Payer;
    rotation: Rotation;
    createdAt: string;
    rotationDue?: string;
    lastCopiedAt?: string;
    expiresAt?: string;
    deletedAt?: string;
  }
>;
export type InventorySummary = Data<inventory.Summary>;
/** A bar of the age chart; to is 0 for the last band, which has no upper end. */
export type AgeBand = Data<inventory.Band>;
export type InventoryReport = Narrow<inventory.Report, { generatedAt: string; keys: InventoryRow[] }>;
/** path is '' when the person cancelled the save dialog. */
export type ExportView = Data<ui.ExportView>;
export type SnapshotView = Data<ui.SnapshotView>;
export type OrphansView = Data<ui.OrphansView>;
export type Reattached = Data<keys.Reattached>;

// Who may do what, sign-in, enablement, troubleshooting.

export type MemberListView = Narrow<ui.MemberListView, { role: Role }>;
export type NewMemberInput = Narrow<ui.NewMemberInput, { role: Role }>;

export type Grant = 'api_access' | 'payer_invoice' | 'payer_organization';
export type EnablementEntryView = Narrow<ui.EnablementEntryView, { grant: Grant }>;
export type StaffKeyView = Data<ui.StaffKeyView>;
export type EnablementView = Narrow<
  ui.EnablementView,
  { current: EnablementEntryView[]; history: EnablementEntryView[] }
>;
export type TroubleshootView = Narrow<
  ui.TroubleshootView,
  { apiAccessBy?: EnablementEntryView; enablement: EnablementEntryView[]; role: Role }
>;
/** path is '' when the person cancelled the dialog. */
export type SavedView = Data<ui.SavedView>;
/** recoveryCode: shown this once, to an Owner who set their own passphrase; '' otherwise. */
export type PassphraseView = Data<ui.PassphraseView>;
export type InviteView = Data<ui.InviteView>;
export type RecoveredView = Narrow<ui.RecoveredView, { state: StateView }>;
