import { describe, expect, it } from 'vitest';
import goSource from '../../../backend/audit/audit.go?raw';
import { actionLabel } from './audit';

describe('actionLabel', () => {
  it('has plain words for every action the Go side records', () => {
    const actions = [...goSource.matchAll(/Action = "([a-z._]+)"/g)].map((m) => m[1]);
    expect(actions.length).toBeGreaterThan(10);
    for (const a of actions) expect(actionLabel(a), a).not.toBe(a);
  });

  it('shows an action it does not know as it is', () => {
    expect(actionLabel('key.teleport')).toBe('key.teleport');
  });
});
