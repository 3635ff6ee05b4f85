// Checked by svelte-check (`make lint`), never run: the shapes in types.ts name exactly the
// fields of the models Wails generates from the Go structs (wailsjs/go/models.ts, `make
// bindings`). types.ts stays hand-written for its narrower types (unions, not strings) and
// its comments; this file makes a field added, renamed or removed in Go fail the lint until
// types.ts follows.
import type { apikey, audit, inventory, main, org } from '../../wailsjs/go/models';
import type * as t from './types';

type Fields<T> = Exclude<keyof T, 'convertValues'>;
type Same<Go, TS> = [Fields<Go>] extends [keyof TS] ? ([keyof TS] extends [Fields<Go>] ? true : false) : false;
type Holds<T extends true> = T;

export type TypesNameTheGoFields = [
  Holds<Same<main.MemberView, t.Member>>,
  Holds<Same<main.StateView, t.StateView>>,
  Holds<Same<main.SetupInput, t.SetupInput>>,
  Holds<Same<apikey.Settings, t.Settings>>,
  Holds<Same<main.KeyView, t.KeyView>>,
  Holds<Same<main.ReplaceView, t.ReplaceView>>,
  Holds<Same<main.CopyView, t.CopyView>>,
  Holds<Same<org.Policies, t.Policies>>,
  Holds<Same<main.CheckedKey, t.CheckedKey>>,
  Holds<Same<main.CheckView, t.CheckView>>,
  Holds<Same<main.AuditFilterInput, t.AuditFilter>>,
  Holds<Same<audit.Change, t.AuditChange>>,
  Holds<Same<main.EventView, t.AuditEvent>>,
  Holds<Same<main.Option, t.Option>>,
  Holds<Same<main.AuditView, t.AuditView>>,
  Holds<Same<inventory.Row, t.InventoryRow>>,
  Holds<Same<inventory.Summary, t.InventorySummary>>,
  Holds<Same<inventory.Band, t.AgeBand>>,
  Holds<Same<inventory.Report, t.InventoryReport>>,
  Holds<Same<main.ExportView, t.ExportView>>,
  Holds<Same<main.SnapshotView, t.SnapshotView>>,
  Holds<Same<main.AccessView, t.AccessView>>,
  Holds<Same<main.MemberListView, t.MemberListView>>,
  Holds<Same<main.NewMemberInput, t.NewMemberInput>>,
  Holds<Same<main.EnablementEntryView, t.EnablementEntryView>>,
  Holds<Same<main.StaffKeyView, t.StaffKeyView>>,
  Holds<Same<main.EnablementView, t.EnablementView>>,
  Holds<Same<main.TroubleshootView, t.TroubleshootView>>,
  Holds<Same<main.SavedView, t.SavedView>>,
];
