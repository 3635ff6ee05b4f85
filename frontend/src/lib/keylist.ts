// The API Keys list: the orders and filters the page offers (Go applies them, see
// KeyWindow), the order kept for next time, and the label that tells a replaced key from
// its replacement.
import type { KeyFilter, KeyOrder, KeyView } from './types';

export type { KeyFilter, KeyOrder };

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
function expiring(k: KeyView): boolean {
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
// rest of drawing a row. Made when first needed, not when the module loads: the first
// formatter loads the locale's data, and lib/start.ts imports this module to ask Go for
// the first screen before that wait.
let stampFormat: Intl.DateTimeFormat | undefined;

/** The local date and time, e.g. "Nov 2, 2026, 2:28 PM"; the input itself if unreadable. */
function stamp(iso: string): string {
  const d = new Date(iso);
  stampFormat ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  return Number.isNaN(d.getTime()) ? iso : stampFormat.format(d);
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
