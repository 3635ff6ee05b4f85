// The window of a virtualized list: only the rows in view, and a few either side, are drawn.

/** How many rows are drawn either side of those in view, so a scroll shows no gap. */
const overscan = 3;

/** The visible window of a virtualized list: which rows to draw for a scroll position. */
export function windowOf(total: number, scrollTop: number, viewport: number, rowHeight: number): { start: number; end: number } {
  const first = Math.floor(scrollTop / rowHeight);
  const start = Math.max(0, first - overscan);
  const end = Math.min(total, first + Math.ceil(viewport / rowHeight) + overscan);
  return { start, end: Math.max(start, end) };
}
