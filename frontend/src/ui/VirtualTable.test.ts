import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import NumberTable from '../test/NumberTable.svelte';

/** A ResizeObserver the test fires by hand, as the browser would after laying the page out. */
class HandResizeObserver {
  static all: HandResizeObserver[] = [];
  #fire: () => void;
  constructor(fire: () => void) {
    this.#fire = fire;
    HandResizeObserver.all.push(this);
  }
  observe() {}
  disconnect() {}
  fire() {
    this.#fire();
  }
}

const drawn = () => screen.getAllByRole('cell').map((c) => Number(c.textContent));

describe('VirtualTable', () => {
  const real = globalThis.ResizeObserver;
  afterEach(() => {
    globalThis.ResizeObserver = real;
    HandResizeObserver.all = [];
    vi.restoreAllMocks();
  });

  /** Frame callbacks, run by hand as the browser would at its next frames. */
  function handFrames() {
    let waiting: FrameRequestCallback[] = [];
    vi.spyOn(window, 'requestAnimationFrame').mockImplementation((f) => waiting.push(f));
    return () => {
      const now = waiting;
      waiting = [];
      now.forEach((f) => f(performance.now()));
      return Promise.resolve(); // Svelte draws what changed in a microtask
    };
  }

  it('draws the rows that fit its region once the browser has measured it, and never reads its height while it is built', async () => {
    globalThis.ResizeObserver = HandResizeObserver as unknown as typeof ResizeObserver;
    const nextFrame = handFrames();
    // Reading an element's height makes the browser lay the page out at once: while the
    // table is being built, that was a whole layout before the rows, and another after.
    const heightRead = vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(200);
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue(new DOMRect(0, innerHeight - 150, 300, 200));
    render(NumberTable, { count: 1000 });
    expect(heightRead).not.toHaveBeenCalled();
    // Until measured, the first frame draws the rows of the window's lower half, no more.
    expect(drawn()).toEqual(Array.from({ length: Math.ceil(innerHeight / 2 / 50) }, (_, i) => i + 1));

    // Measured: 150 px of the region are in the window, three rows; the rest waits a frame.
    HandResizeObserver.all.forEach((o) => o.fire());
    expect(heightRead).toHaveBeenCalled();
    await Promise.resolve();
    expect(drawn()).toEqual([1, 2, 3]);

    // The first frame drawn: the whole region, 200 px, and three rows more.
    await nextFrame();
    expect(drawn()).toEqual([1, 2, 3]);
    await nextFrame();
    expect(drawn()).toEqual(Array.from({ length: 200 / 50 + 3 }, (_, i) => i + 1));
    expect(screen.getByRole('table')).toHaveAttribute('aria-rowcount', '1001');
  });

  it('draws the whole region as soon as it is scrolled, drawn or not', async () => {
    handFrames(); // frames that never come
    render(NumberTable, { count: 1000 });
    const region = screen.getByRole('region', { name: 'Numbers' });
    region.scrollTop = 50 * 100;
    await fireEvent.scroll(region);
    // the region measured as built, 600 px: rows 101 to 112, and three either side
    expect(drawn()).toEqual(Array.from({ length: 600 / 50 + 6 }, (_, i) => i + 98));
  });
});
