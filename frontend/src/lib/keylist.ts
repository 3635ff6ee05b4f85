// The API Keys list: its order, search and filters, and the label that tells a replaced
// key from its replacement. Pure functions over KeyView, so ten thousand keys are tested
// without a page.
import type { KeyView } from './types';

export type KeyOrder = 'newest' | 'name';
export type KeyFilter = 'all' | 'overdue' | 'expiring' | 'never_copied';

export const keyOrders: [KeyOrder, string][] = [
  ['newest', 'Newest first'],
  ['name', 'Name'],
];

export const keyFilters: [KeyFilter, string][] = [
  ['all', 'All keys'],
  ['overdue', 'Overdue for rotation'],
  ['expiring', 'Expiring after a replace'],
  ['never_copied', 'Never copied'],
];

/** True for a key kept working for a while after it was replaced. */
export function expiring(k: KeyView): boolean {
  return !!k.replacedBy && !!k.expiresAt;
}

/**
 * The name as the list shows it: a replaced key says so and when it stops working, so the
 * old and new keys of a replace never read the same.
 */
export function keyLabel(k: KeyView): string {
  const name = k.name;
  return expiring(k) ? `${name} (replaced, expires ${stamp(k.expiresAt ?? '')})` : name;
}

// Made once: toLocaleString builds a formatter on every call, which costs more than the
// rest of drawing a row.
const stampFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The local date and time, e.g. "Nov 2, 2026, 2:28 PM"; the input itself if unreadable. */
function stamp(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : stampFormat.format(d);
}

// Made once: localeCompare builds a collator on every call, which ten thousand keys feel.
const byName = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** The keys in the chosen order: newest first, or by name (numbers in natural order). */
export function orderKeys(keys: KeyView[], order: KeyOrder): KeyView[] {
  const sorted = [...keys];
  if (order === 'name') {
    sorted.sort((a, b) => byName.compare(a.name, b.name) || (a.createdAt < b.createdAt ? 1 : -1));
  } else {
    sorted.sort((a, b) => (a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1));
  }
  return sorted;
}

/**
 * The keys of a list in its order, with what a search looks in (name, hint and creator,
 * lower-cased) at the same positions. Made once per list and order, so a keystroke only
 * compares strings: it reads no key, and looks nothing up in a map (ten thousand lookups,
 * each touching a key object, cost the API Keys search more than drawing the rows).
 */
export interface SearchableKeys {
  keys: KeyView[];
  texts: string[];
}

/** The keys, in the order given, ready to be searched. */
export function searchable(keys: KeyView[]): SearchableKeys {
  return { keys, texts: keys.map((k) => `${k.name}\n${k.hint}\n${k.createdBy}`.toLocaleLowerCase()) };
}

const tests: Record<KeyFilter, (k: KeyView) => boolean> = {
  all: () => true,
  overdue: (k) => k.rotationDue,
  expiring,
  never_copied: (k) => !k.copied,
};

/** The keys whose name, hint or creator holds query, and that pass filter, in order. */
export function filterKeys(list: SearchableKeys, query: string, filter: KeyFilter): KeyView[] {
  const q = query.trim().toLocaleLowerCase();
  const { keys, texts } = list;
  if (q === '' && filter === 'all') return keys;
  const pass = tests[filter];
  const found: KeyView[] = [];
  for (let i = 0; i < keys.length; i++) {
    if ((q === '' || texts[i].includes(q)) && (filter === 'all' || pass(keys[i]))) found.push(keys[i]);
  }
  return found;
}

const orderStore = 'proofkeys.apiKeys.order';

/** The order the person chose last time, newest first until they choose. */
export function savedOrder(): KeyOrder {
  try {
    return localStorage.getItem(orderStore) === 'name' ? 'name' : 'newest';
  } catch {
    return 'newest'; // storage refused: the default serves
  }
}

export function saveOrder(order: KeyOrder): void {
  try {
    localStorage.setItem(orderStore, order);
  } catch {
    // storage refused: the choice lasts this session only
  }
}
