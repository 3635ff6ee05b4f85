import { beforeEach, describe, expect, it } from 'vitest';
import { makeKey } from '../test/fixtures';
import { filterKeys, keyLabel, orderKeys, saveOrder, savedOrder, searchIndex } from './keylist';

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
    expect(orderKeys(keys, 'name').map((k) => k.settings.name)).toEqual(['key 9', 'Key 10', 'Salesforce']);
  });
  it('is remembered', () => {
    localStorage.clear();
    expect(savedOrder()).toBe('newest');
    saveOrder('name');
    expect(savedOrder()).toBe('name');
  });
});

describe('search and filters', () => {
  const index = searchIndex(keys);
  beforeEach(() => localStorage.clear());
  it.each([
    ['salesFORCE', ['key_3']],
    ['zz01', ['key_3']],
    ['lee', ['key_3']],
    ['key', ['key_2', 'key_1']],
    ['  ', ['key_2', 'key_1', 'key_3']],
    ['nothing', []],
  ])('%s finds by name, hint or creator', (q, want) => {
    expect(filterKeys(keys, q, 'all', index).map((k) => k.id)).toEqual(want);
  });
  it.each([
    ['overdue', ['key_2']],
    ['expiring', ['key_3']],
    ['never_copied', ['key_2']],
  ] as const)('%s keeps the keys in that state', (f, want) => {
    expect(filterKeys(keys, '', f, index).map((k) => k.id)).toEqual(want);
  });
  it('applies search and filter together', () => {
    expect(filterKeys(keys, 'key 1', 'overdue', index)).toEqual([]);
  });
});

it('labels a replaced key apart from its replacement', () => {
  expect(keyLabel(fresh)).toMatch(/^Salesforce \(replaced, expires .*2026.*\)$/);
  expect(keyLabel(old)).toBe('Key 10');
});
