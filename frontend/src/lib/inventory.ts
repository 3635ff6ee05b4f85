// Filters and sorting of the key inventory, in the page: a keystroke in the search box
// filters ten thousand rows without a round trip to Go.
import type { Environment, InventoryRow, InventoryState, Rotation } from './types';

export interface InventoryFilter {
  query: string;
  environment: 'all' | Environment;
  state: 'all' | InventoryState;
  overdue: boolean;
  /** A creator's name; '' for anyone. */
  createdBy: string;
  neverCopied: boolean;
}

export const noFilter: InventoryFilter = {
  query: '',
  environment: 'all',
  state: 'all',
  overdue: false,
  createdBy: '',
  neverCopied: false,
};

export type SortKey =
  | 'name'
  | 'environment'
  | 'key'
  | 'state'
  | 'payer'
  | 'signers'
  | 'createdAt'
  | 'createdBy'
  | 'ageDays'
  | 'rotation'
  | 'copyCount'
  | 'lastCopiedAt'
  | 'replacement'
  | 'deletedAt';

export interface Sort {
  key: SortKey;
  descending: boolean;
}

// The order in which rotation and state sort: the most urgent last, so descending puts it first.
const rotationRank: Record<Rotation, number> = { none: 0, off: 1, ok: 2, due_soon: 3, overdue: 4 };
const stateRank: Record<InventoryState, number> = { deleted: 0, expiring: 1, active: 2 };

type Value = string | number;

const sortValue: Record<SortKey, (r: InventoryRow) => Value> = {
  name: (r) => r.name.toLocaleLowerCase(),
  environment: (r) => r.environment,
  key: (r) => r.key,
  state: (r) => stateRank[r.state],
  payer: (r) => r.payer,
  signers: (r) => r.minSigners * 100 + r.maxSigners,
  // RFC 3339 in UTC sorts as text; absent times sort first.
  createdAt: (r) => r.createdAt,
  createdBy: (r) => r.createdBy.toLocaleLowerCase(),
  ageDays: (r) => r.ageDays,
  rotation: (r) => rotationRank[r.rotation],
  copyCount: (r) => r.copyCount,
  lastCopiedAt: (r) => r.lastCopiedAt ?? '',
  replacement: (r) => r.replaces ?? r.replacedBy ?? '',
  deletedAt: (r) => r.deletedAt ?? '',
};

/** The rows in the chosen order; ties keep the inventory's order (oldest first). */
export function sortRows(rows: InventoryRow[], sort: Sort): InventoryRow[] {
  const value = sortValue[sort.key];
  const keyed = rows.map((row, i) => ({ row, i, v: value(row) }));
  const dir = sort.descending ? -1 : 1;
  keyed.sort((a, b) => (a.v < b.v ? -dir : a.v > b.v ? dir : a.i - b.i));
  return keyed.map((k) => k.row);
}

/** Lower-cased names, made once per load so a keystroke only compares. */
export function searchIndex(rows: InventoryRow[]): Map<InventoryRow, string> {
  return new Map(rows.map((r) => [r, r.name.toLocaleLowerCase()]));
}

export function filterRows(rows: InventoryRow[], f: InventoryFilter, index: Map<InventoryRow, string>): InventoryRow[] {
  // Each field is read once, not once per row: the page's filter is reactive state, and
  // every read of it costs a tracked lookup, which ten thousand rows turn into milliseconds.
  const { environment, state, overdue, createdBy, neverCopied } = f;
  const q = f.query.trim().toLocaleLowerCase();
  return rows.filter(
    (r) =>
      (q === '' || (index.get(r) ?? r.name.toLocaleLowerCase()).includes(q)) &&
      (environment === 'all' || r.environment === environment) &&
      (state === 'all' || r.state === state) &&
      (!overdue || r.rotation === 'overdue') &&
      (createdBy === '' || r.createdBy === createdBy) &&
      (!neverCopied || r.copyCount === 0),
  );
}

/** The creators' names for the Created by filter, sorted. */
export function creators(rows: InventoryRow[]): string[] {
  return [...new Set(rows.map((r) => r.createdBy))].sort((a, b) => a.localeCompare(b));
}

const rotationWords: Record<Rotation, string> = {
  ok: 'On time',
  due_soon: 'Due soon',
  overdue: 'Overdue',
  off: 'No policy',
  none: '—',
};

export function rotationLabel(r: Rotation): string {
  return rotationWords[r];
}


// Date formatters made once: toLocaleDateString builds a new formatter on every call,
// which costs more than the rest of drawing a row.
const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'short' });

/** The local date of an RFC 3339 time, e.g. "Nov 2, 2026"; "" for none. */
export function day(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dayFormat.format(d);
}

/** The local date and time, for a tooltip; "" for none. */
export function dayAndTime(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : timeFormat.format(d);
}
