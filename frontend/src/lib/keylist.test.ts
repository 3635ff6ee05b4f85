import { describe, expect, it } from 'vitest';
import { makeKey } from '../test/fixtures';
import { keyLabel, saveOrder, savedOrder } from './keylist';

const old = makeKey({ id: 'key_1', createdAt: '2025-12-01T00:00:00Z', settings: { name: 'Key 10' }, copied: true });
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

// Go orders, searches and filters the list (backend/ui keypage_test.go); the page keeps the
// order chosen and labels keys.
describe('order', () => {
  it('is remembered', () => {
    localStorage.clear();
    expect(savedOrder()).toBe('newest');
    saveOrder('name');
    expect(savedOrder()).toBe('name');
  });
});

it('labels a replaced key apart from its replacement', () => {
  expect(keyLabel(fresh)).toMatch(/^Salesforce \(replaced, expires .*2026.*\)$/);
  expect(keyLabel(old)).toBe('Key 10');
});
