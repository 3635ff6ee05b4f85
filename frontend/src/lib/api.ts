// The only door to the Go side. Every call returns plain data or throws an AppError.
// The secret of a key never comes through here: CopyKey puts it on the clipboard in Go.
import * as Session from '../../wailsjs/go/ui/Session';
import * as Keys from '../../wailsjs/go/ui/Keys';
import * as Members from '../../wailsjs/go/ui/Members';
import * as Org from '../../wailsjs/go/ui/Org';
import * as Audit from '../../wailsjs/go/ui/Audit';
import * as Inventory from '../../wailsjs/go/ui/Inventory';
import * as Snapshots from '../../wailsjs/go/ui/Snapshots';
import * as Support from '../../wailsjs/go/ui/Support';
import * as Scan from '../../wailsjs/go/ui/Scan';
import { EventsOn } from '../../wailsjs/runtime/runtime';
import { toAppError } from './errors';
import type { Environment, KeyPage, KeyQuery, KeyView, Settings, SetupInput, StateView } from './types';
import type { AuditFilter, AuditView, ChainView, CheckView, CopyView, FiltersView, KeyChoicesView } from './types';
import type { Policies, ReplaceView } from './types';
import type { ExportFormat, ExportView, InventoryReport, SnapshotView } from './types';
import type { EnablementView, MemberListView, NewMemberInput, Role, SavedView, TroubleshootView } from './types';
import type { InviteView, OrphansView, PassphraseView, Reattached, RecoveredView } from './types';
import type { ScanRequest, ScanStatus } from './types';

async function call<T>(run: () => Promise<unknown>): Promise<T> {
  try {
    return (await run()) as T;
  } catch (e) {
    throw toAppError(e);
  }
}

export function getState(): Promise<StateView> {
  return call(() => Session.GetState());
}

export function setUp(input: SetupInput): Promise<StateView> {
  return call(() => Session.SetUp(input));
}

/** One window of the API Keys list: Go searches, filters and orders every key. */
export function keyPage(q: KeyQuery): Promise<KeyPage> {
  return call(() => Keys.KeyPage(q));
}

/** Every setting of a live key, for its settings panel: the list carries only its name and payer. */
export function keySettings(id: string): Promise<Settings> {
  return call(() => Keys.KeySettings(id));
}

export function generateKey(env: Environment): Promise<KeyView> {
  return call(() => Keys.GenerateKey(env));
}

export function saveKeySettings(id: string, settings: Settings): Promise<KeyView> {
  return call(() => Keys.SaveKeySettings(id, settings));
}

export function copyKey(id: string): Promise<CopyView> {
  return call(() => Keys.CopyKey(id));
}

export function deleteKey(id: string): Promise<void> {
  return call(() => Keys.DeleteKey(id));
}

// Key lifecycle: replace, check, policies, audit log.

/** graceHours: 0 (now), 1, 24 or 168. */
export function replaceKey(id: string, graceHours: number): Promise<ReplaceView> {
  return call(() => Keys.ReplaceKey(id, graceHours));
}

/** The pasted text goes to Go for the check and is kept nowhere. */
export function checkKey(pasted: string, expect: Environment | ''): Promise<CheckView> {
  return call(() => Keys.CheckKey(pasted, expect));
}

export function getPolicies(): Promise<Policies> {
  return call(() => Org.GetPolicies());
}

export function savePolicies(p: Policies): Promise<Policies> {
  return call(() => Org.SavePolicies(p));
}

/** One page of the matching events, newest first, from offset (a multiple of pageSize). */
export function listAudit(f: AuditFilter, offset = 0): Promise<AuditView> {
  return call(async () => {
    const v = (await Audit.ListAudit(f, offset)) as unknown as AuditView;
    return { ...v, events: v.events ?? [] };
  });
}

/** Checks the whole hash chain: slower than a page, so asked for apart. */
export function auditChain(): Promise<ChainView> {
  return call(() => Audit.AuditChain());
}

/** The choices of the member and action filters, from the whole log. */
export function auditFilters(): Promise<FiltersView> {
  return call(async () => {
    const v = (await Audit.AuditFilters()) as unknown as FiltersView;
    return { members: v.members ?? [], actions: v.actions ?? [] };
  });
}

/** The keys whose name or ID holds query (at most 50), in natural order. */
export function searchAuditKeys(query: string): Promise<KeyChoicesView> {
  return call(async () => {
    const v = (await Audit.SearchAuditKeys(query)) as unknown as KeyChoicesView;
    return { ...v, keys: v.keys ?? [] };
  });
}

/** Asks where to save (native dialog) and returns the path, or '' when cancelled. */
export function exportAudit(format: 'csv' | 'json', f: AuditFilter): Promise<string> {
  return call(() => Audit.ExportAudit(format, f));
}

// Inventory and backups.

export function getInventory(): Promise<InventoryReport> {
  return call(async () => {
    const r = (await Inventory.GetInventory()) as unknown as InventoryReport;
    return { ...r, keys: r.keys ?? [] };
  });
}

/** Asks where to save (native dialog) and writes the whole inventory; path is '' when cancelled. */
export function exportInventory(format: ExportFormat): Promise<ExportView> {
  return call(() => Inventory.ExportInventory(format));
}

/** Works when the data file could not be opened. */
export function listSnapshots(): Promise<SnapshotView[]> {
  return call(async () => (await Snapshots.ListSnapshots()) ?? []);
}

/** Only after the person confirmed: moves the unreadable file aside and opens the snapshot. */
export function restoreSnapshot(name: string, confirmed = false): Promise<StateView> {
  return call(() => Snapshots.RestoreSnapshot(name, confirmed));
}

/** Secrets of this data folder in the vault that no key record names (after a restore). */
export function listOrphans(): Promise<OrphansView> {
  return call(async () => {
    const v = (await Snapshots.ListOrphans()) as unknown as OrphansView;
    return { ...v, orphans: v.orphans ?? [] };
  });
}

/** Gives every secret left without a record a record again. */
export function reattachOrphans(): Promise<Reattached> {
  return call(() => Snapshots.ReattachOrphans());
}

// Members, sign-in, enablement, troubleshooting.

export function signIn(memberId: string, passphrase: string): Promise<StateView> {
  return call(() => Session.SignIn(memberId, passphrase));
}

export function lock(): Promise<StateView> {
  return call(() => Session.Lock());
}

/** Tells Go the person is active, so the auto-lock counts from now. */
export function touch(): Promise<void> {
  return call(() => Session.Touch());
}

export function setAutoLock(minutes: number): Promise<StateView> {
  return call(() => Session.SetAutoLock(minutes));
}

export function listMembers(): Promise<MemberListView[]> {
  return call(async () => (await Members.ListMembers()) ?? []);
}

export function addMember(input: NewMemberInput): Promise<MemberListView> {
  return call(() => Members.AddMember(input));
}

export function changeMember(id: string, role: Role, manageApiKeys: boolean): Promise<MemberListView> {
  return call(() => Members.ChangeMember(id, role, manageApiKeys));
}

export function removeMember(id: string): Promise<void> {
  return call(() => Members.RemoveMember(id));
}

/**
 * One's own passphrase (with the current one), or another member's (Owners and Admins).
 * An Owner who sets their own gets a recovery code, to show this once ('' otherwise).
 */
export function setPassphrase(memberId: string, current: string, next: string): Promise<PassphraseView> {
  return call(() => Members.SetPassphrase(memberId, current, next));
}

/** From the sign-in screen: a recovery code sets a new passphrase; the answer holds the next code. */
export function recoverPassphrase(memberId: string, code: string, next: string): Promise<RecoveredView> {
  return call(() => Session.RecoverPassphrase(memberId, code, next));
}

/** A text that is no secret (the Organization ID, the audit anchor) to the clipboard; Go refuses keys. */
export function copyText(text: string): Promise<void> {
  return call(() => Session.CopyText(text));
}

export function getEnablement(): Promise<EnablementView> {
  return call(() => Org.GetEnablement());
}

export function applyEnablementCode(code: string): Promise<EnablementView> {
  return call(() => Org.ApplyEnablementCode(code));
}

/** Owners and Admins: the notice that codes now come in one piece is read, and goes. */
export function dismissNewCodeFormNotice(): Promise<EnablementView> {
  return call(() => Org.DismissNewCodeFormNotice());
}

export function setUpDemo(input: SetupInput): Promise<StateView> {
  return call(() => Session.SetUpDemo(input));
}

export function troubleshoot(): Promise<TroubleshootView> {
  return call(() => Support.Troubleshoot());
}

export function getSupportBundle(): Promise<string> {
  return call(() => Support.GetSupportBundle());
}

/** Asks where to save (native dialog); path is '' when cancelled. */
export function saveSupportBundle(): Promise<SavedView> {
  return call(() => Support.SaveSupportBundle());
}

// The scan for exposed keys: one at a time, in the background; the page polls its progress.
// What comes back names keys by their hint, never by their secret.

/** The system's folder picker; '' when the person cancelled. */
export function chooseScanFolder(): Promise<string> {
  return call(() => Scan.ChooseFolder());
}

export function startScan(req: ScanRequest): Promise<void> {
  return call(() => Scan.StartScan(req));
}

export function scanProgress(): Promise<ScanStatus> {
  return call(() => Scan.ScanProgress());
}

export function cancelScan(): Promise<void> {
  return call(() => Scan.CancelScan());
}

// A shared organization: several computers see the same keys through its server.

/** Joins the shared organization an invite code names, from the first-run screen. */
export function joinShared(code: string): Promise<StateView> {
  return call(() => Session.JoinShared(code));
}

/** Moves this computer's organization to the server whose first invite code is pasted (Owners). */
export function moveToServer(code: string): Promise<StateView> {
  return call(() => Org.MoveToServer(code));
}

/** A one-time invite code with which the member joins from their computer (Owners and Admins). */
export function inviteCode(memberId: string): Promise<InviteView> {
  return call(() => Members.InviteCode(memberId));
}

/**
 * Calls listener each time another computer's change has reached this one (Go's
 * "org-changed" event), until the function it returns is called. Outside the window (no
 * Wails runtime) nothing ever changes.
 */
export function onOrgChanged(listener: () => void): () => void {
  if (!('runtime' in window)) return () => {};
  return EventsOn('org-changed', listener);
}
