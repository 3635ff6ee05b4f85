import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IdleLock } from './idle';

describe('IdleLock', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('locks after the idle time, and each activity starts it again', () => {
    const onidle = vi.fn();
    const touch = vi.fn();
    const lock = new IdleLock(15 * 60_000, onidle, touch, 60_000, () => Date.now());
    lock.start();
    vi.advanceTimersByTime(14 * 60_000);
    lock.activity();
    vi.advanceTimersByTime(14 * 60_000);
    expect(onidle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(60_000);
    expect(onidle).toHaveBeenCalledTimes(1);
    expect(touch).toHaveBeenCalledTimes(1);
  });

  it('tells Go at most once a minute', () => {
    const touch = vi.fn();
    const lock = new IdleLock(15 * 60_000, vi.fn(), touch, 60_000, () => Date.now());
    lock.start();
    for (let i = 0; i < 30; i++) {
      vi.advanceTimersByTime(5_000);
      lock.activity();
    }
    expect(touch).toHaveBeenCalledTimes(2); // 150 s of activity
  });

  it('stops', () => {
    const onidle = vi.fn();
    const lock = new IdleLock(1000, onidle, vi.fn());
    lock.start();
    lock.stop();
    vi.advanceTimersByTime(5000);
    expect(onidle).not.toHaveBeenCalled();
  });
});
