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

  it('draws the rows that fit its region once the browser has measured it, and never reads its height while it is built', async () => {
    globalThis.ResizeObserver = HandResizeObserver as unknown as typeof ResizeObserver;
    // Reading an element's height makes the browser lay the page out at once: while the
    // table is being built, that was a whole layout before the rows, and another after.
    const heightRead = vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(200);
    render(NumberTable, { count: 1000 });
    expect(heightRead).not.toHaveBeenCalled();
    // Until measured: the rows of a 600 px region and three more.
    expect(drawn()).toEqual(Array.from({ length: 600 / 50 + 3 }, (_, i) => i + 1));

    HandResizeObserver.all.forEach((o) => o.fire());
    expect(heightRead).toHaveBeenCalled();
    await Promise.resolve();
    expect(drawn()).toEqual(Array.from({ length: 200 / 50 + 3 }, (_, i) => i + 1));
    expect(screen.getByRole('table')).toHaveAttribute('aria-rowcount', '1001');
  });

  it('draws the rows of the region where it is scrolled to', async () => {
    render(NumberTable, { count: 1000 });
    const region = screen.getByRole('region', { name: 'Numbers' });
    region.scrollTop = 50 * 100;
    await fireEvent.scroll(region);
    // the region not measured yet, 600 px: rows 101 to 112, and three either side
    expect(drawn()).toEqual(Array.from({ length: 600 / 50 + 6 }, (_, i) => i + 98));
  });
});
