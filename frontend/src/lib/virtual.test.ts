import { describe, expect, it } from 'vitest';
import { windowOf } from './virtual';

describe('windowOf', () => {
  it.each([
    [10000, 0, 400, 40, { start: 0, end: 13 }],
    [10000, 4000, 400, 40, { start: 97, end: 113 }],
    [100, 3900, 400, 40, { start: 94, end: 100 }],
    [0, 0, 400, 40, { start: 0, end: 0 }],
  ])('%i rows at %i px', (total, top, viewport, height, want) => {
    expect(windowOf(total, top, viewport, height)).toEqual(want);
  });
});
