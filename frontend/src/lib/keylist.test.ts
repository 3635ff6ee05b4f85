import { beforeEach, describe, expect, it } from 'vitest';
import { makeKey } from '../test/fixtures';
import { filterKeys, keyLabel, orderKeys, saveOrder, savedOrder, searchable } from './keylist';

const old = makeKey({ id: 'key_1', createdAt: '2025-12-01T00:00:00Z', settings: { name: 'Key 10' }, copied: true });
const mid = makeKey({ id: 'key_2', createdAt: '2026-06-01T00:00:00Z', settings: { name: 'key 9' }, rotationDue: true });
const fresh = makeKey({
  id: 'key_3',
  createdAt: '2026-11-01T00:00:00Z',
  hint: 'prf_…Zz01',
  createdBy: 'Lee',
  settings: { name: 'Salesforce' },
  replacedBy: 'key_4',
  expiresAt: '2026-12-01T14:50:00Z',
  copied: true,
});
const keys = [mid, old, fresh];

describe('order', () => {
  it('is newest first by default', () => {
    expect(orderKeys(keys, 'newest').map((k) => k.id)).toEqual(['key_3', 'key_2', 'key_1']);
  });
  it('by name puts numbers in natural order, ignoring case', () => {
    expect(orderKeys(keys, 'name').map((k) => k.name)).toEqual(['key 9', 'Key 10', 'Salesforce']);
  });
  it('is remembered', () => {
    localStorage.clear();
    expect(savedOrder()).toBe('newest');
    saveOrder('name');
    expect(savedOrder()).toBe('name');
  });
});

describe('search and filters', () => {
  const list = searchable(keys);
  beforeEach(() => localStorage.clear());
  it.each([
    ['salesFORCE', ['key_3']],
    ['zz01', ['key_3']],
    ['lee', ['key_3']],
    ['key', ['key_2', 'key_1']],
    ['  ', ['key_2', 'key_1', 'key_3']],
    ['nothing', []],
  ])('%s finds by name, hint or creator', (q, want) => {
    expect(filterKeys(list, q, 'all').map((k) => k.id)).toEqual(want);
  });
  it.each([
    ['overdue', ['key_2']],
    ['expiring', ['key_3']],
    ['never_copied', ['key_2']],
  ] as const)('%s keeps the keys in that state', (f, want) => {
    expect(filterKeys(list, '', f).map((k) => k.id)).toEqual(want);
  });
  it('applies search and filter together', () => {
    expect(filterKeys(list, 'key 1', 'overdue')).toEqual([]);
  });
  // A keystroke over ten thousand keys pays for every object it touches: it compares the
  // strings made once per list, and reads no key, found or not.
  it('reads no key while searching', () => {
    let reads = 0;
    const counted = Array.from({ length: 500 }, (_, i) =>
      new Proxy(makeKey({ id: `key_${i}`, settings: { name: `Key ${i}` } }), {
        get: (t, k) => (reads++, t[k as keyof typeof t]),
      }),
    );
    const many = searchable(counted);
    reads = 0;
    expect(filterKeys(many, 'key 4', 'all')).toHaveLength(111);
    expect(filterKeys(many, 'no such key', 'all')).toEqual([]);
    expect(reads).toBe(0);
  });
});

it('labels a replaced key apart from its replacement', () => {
  expect(keyLabel(fresh)).toMatch(/^Salesforce \(replaced, expires .*2026.*\)$/);
  expect(keyLabel(old)).toBe('Key 10');
});
