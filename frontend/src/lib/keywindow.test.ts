import { describe, expect, it, vi } from 'vitest';
import { keysPage, makeKey } from '../test/fixtures';
import { KeyWindow, askEarly, blockSize } from './keywindow.svelte';
import type { KeyPage, KeyQuery, KeyView } from './types';

const B = blockSize;
// two blocks and a half
const many = Array.from({ length: 2 * B + B / 2 }, (_, i) => makeKey({ id: `key_${i}`, settings: { name: `Key ${i}` } }));
const last = many.length - 1;

/** Go's answers, each held until the test lets it go, so the order they arrive in is the test's. */
function heldGo() {
  const pending: { q: KeyQuery; answer: (keys: KeyView[]) => void }[] = [];
  const ask = vi.fn(
    (q: KeyQuery) => new Promise<KeyPage>((resolve) => pending.push({ q, answer: (keys) => keysPage(keys)(q).then(resolve) })),
  );
  /** Answers the oldest question held that matches, with keys, and lets the window take it in. */
  async function answer(match: Partial<KeyQuery>, keys: KeyView[] = many) {
    const i = pending.findIndex((p) => Object.entries(match).every(([k, v]) => p.q[k as keyof KeyQuery] === v));
    expect(i, `a question like ${JSON.stringify(match)}`).toBeGreaterThanOrEqual(0);
    const [p] = pending.splice(i, 1);
    p.answer(keys);
    await new Promise((r) => setTimeout(r));
  }
  /** A window over held answers, showing the first block of a question once Go answers it. */
  async function shown(...question: Parameters<KeyWindow['show']>) {
    const list = new KeyWindow(ask);
    const first = list.show(...question);
    await answer({ offset: 0 });
    await first;
    return list;
  }
  return { ask, answer, shown };
}

const names = (rows: (KeyView | undefined)[]) => rows.map((k) => k?.name);

describe('KeyWindow', () => {
  it('asks for the first block of a new question, and holds the whole list with gaps', async () => {
    const list = new KeyWindow(keysPage(many, { total: 300, overdue: 4, withdrawnPayer: ['Key 1'], withdrawnCount: 1 }));
    const ask = vi.fn(keysPage(many));
    const spied = new KeyWindow(ask);
    await spied.show('sandbox', 'key', 'overdue', 'name');
    expect(ask).toHaveBeenCalledTimes(1);
    expect(ask).toHaveBeenCalledWith({ environment: 'sandbox', search: 'key', filter: 'overdue', order: 'name', offset: 0, limit: blockSize });

    await list.show('production', '', 'all', 'newest');
    expect(list.loaded).toBe(true);
    expect(list.rows).toHaveLength(many.length);
    expect(list.rows[0]?.name).toBe('Key 0');
    expect(list.rows[B - 1]?.name).toBe(`Key ${B - 1}`);
    expect(list.rows[B]).toBeUndefined();
    expect(list.rows[last]).toBeUndefined();
    expect([list.total, list.overdue, list.withdrawn, list.withdrawnCount]).toEqual([300, 4, ['Key 1'], 1]);
  });

  it('asks for the blocks that come into view, once each, and fills their gaps', async () => {
    const ask = vi.fn(keysPage(many));
    const list = new KeyWindow(ask);
    await list.show('production', '', 'all', 'newest');
    list.inView(0, B - 5);
    expect(ask).toHaveBeenCalledTimes(1); // block 0 is here
    list.inView(B - 5, B + 5);
    list.inView(B - 4, B + 6);
    expect(ask).toHaveBeenCalledTimes(2);
    expect(ask).toHaveBeenLastCalledWith(expect.objectContaining({ offset: B, limit: blockSize }));
    await vi.waitFor(() => expect(list.rows[B]?.name).toBe(`Key ${B}`));
    expect(list.rows[2 * B - 1]?.name).toBe(`Key ${2 * B - 1}`);
    expect(list.rows[2 * B]).toBeUndefined();
    expect(list.rows[0]?.name).toBe('Key 0'); // the first block stays
    list.inView(last - 3, last + 1);
    await vi.waitFor(() => expect(list.rows[last]?.name).toBe(`Key ${last}`));
    expect(ask.mock.calls.map(([q]) => q.offset)).toEqual([0, B, 2 * B]);
  });

  it('asks again for a block whose answer failed, when it is in view again', async () => {
    const ask = vi.fn(keysPage(many));
    const list = new KeyWindow(ask);
    await list.show('production', '', 'all', 'newest');
    ask.mockRejectedValueOnce(new Error('vault locked'));
    const failed = vi.fn();
    list.inView(2 * B + 1, 2 * B + 4, failed);
    await vi.waitFor(() => expect(failed).toHaveBeenCalledWith(new Error('vault locked')));
    expect(ask).toHaveBeenCalledTimes(2);
    expect(list.rows[2 * B + 1]).toBeUndefined();
    list.inView(2 * B + 2, 2 * B + 5);
    await vi.waitFor(() => expect(list.rows[2 * B + 1]?.name).toBe(`Key ${2 * B + 1}`));
    expect(ask).toHaveBeenCalledTimes(3);
  });

  it('drops the answers to an earlier question', async () => {
    const go = heldGo();
    const list = new KeyWindow(go.ask);
    const first = list.show('production', 'k', 'all', 'newest');
    const second = list.show('production', 'ke', 'all', 'newest');
    // the later question is answered first; the slow answer to the earlier one comes after
    await go.answer({ search: 'ke' }, [many[7]]);
    await second;
    await go.answer({ search: 'k' }, many);
    await first;
    expect(names(list.rows)).toEqual(['Key 7']);
    expect(list.total).toBe(1);
  });

  it('keeps the rows shown while a new question is on its way, and replaces them with its answer', async () => {
    const go = heldGo();
    const list = await go.shown('production', '', 'all', 'newest');
    const before = list.rows;
    const listId = list.listId;
    const next = list.show('production', '', 'all', 'name');
    expect(list.listId).not.toBe(listId);
    expect(list.rows).toBe(before);
    await go.answer({ offset: 0 });
    await next;
    expect(list.rows).not.toBe(before);
  });

  it('asks again for every block in view on refresh, keeping the rows until they come', async () => {
    const go = heldGo();
    const list = await go.shown('production', 'key', 'all', 'name');
    list.inView(B - 5, B + 10);
    await go.answer({ offset: B });
    expect(list.rows[B + 5]?.name).toBe(`Key ${B + 5}`);
    go.ask.mockClear();

    // Go's list changed: key 0 was deleted
    const refreshed = list.refresh();
    expect(go.ask.mock.calls.map(([q]) => q)).toEqual([
      { environment: 'production', search: 'key', filter: 'all', order: 'name', offset: 0, limit: blockSize },
      { environment: 'production', search: 'key', filter: 'all', order: 'name', offset: B, limit: blockSize },
    ]);
    await go.answer({ offset: 0 }, many.slice(1));
    expect(list.rows[0]?.name).toBe('Key 1');
    expect(list.rows).toHaveLength(many.length - 1);
    expect(list.rows[B + 5]?.name, 'the rows in view stay while their block is on its way').toBe(`Key ${B + 5}`);
    await go.answer({ offset: B }, many.slice(1));
    await refreshed;
    expect(list.rows[B + 5]?.name).toBe(`Key ${B + 6}`);
    expect(list.rows[B - 1]?.name).toBe(`Key ${B}`);
  });

  it('asks nothing on refresh before a question', async () => {
    const ask = vi.fn(keysPage(many));
    await new KeyWindow(ask).refresh();
    expect(ask).not.toHaveBeenCalled();
  });

  it('forgets everything on clear, and drops answers still on their way', async () => {
    const go = heldGo();
    const list = await go.shown('production', '', 'all', 'newest');
    list.inView(B + 1, B + 4);
    list.clear();
    expect([list.rows, list.total, list.loaded]).toEqual([[], 0, false]);
    await go.answer({ offset: B });
    expect([list.rows, list.total, list.loaded]).toEqual([[], 0, false]);
  });

  it('passes on what Go said when the first block could not be read', async () => {
    const list = new KeyWindow(() => Promise.reject({ code: 'vault_locked', message: 'The vault is locked.' }));
    await expect(list.show('production', '', 'all', 'newest')).rejects.toEqual(expect.objectContaining({ code: 'vault_locked' }));
    expect(names(list.rows)).toEqual([]);
  });

  it('uses the first block asked early for the first list shown, once', async () => {
    const ask = vi.fn(keysPage(many));
    askEarly(ask, 'production', 'name');
    expect(ask).toHaveBeenCalledTimes(1);
    const list = new KeyWindow(ask);
    await list.show('production', '', 'all', 'name');
    expect(ask).toHaveBeenCalledTimes(1);
    expect(list.rows[0]?.name).toBe('Key 0');
    await list.show('production', '', 'all', 'name');
    expect(ask).toHaveBeenCalledTimes(2);
  });

  it('asks anew when the early answer was for another list, or failed', async () => {
    const ask = vi.fn(keysPage(many));
    askEarly(ask, 'production', 'newest');
    await new KeyWindow(ask).show('production', '', 'all', 'name');
    expect(ask).toHaveBeenCalledTimes(2);
    expect(ask).toHaveBeenLastCalledWith(expect.objectContaining({ order: 'name' }));

    ask.mockClear();
    ask.mockRejectedValueOnce({ code: 'sign_in', message: 'Sign in first.' });
    askEarly(ask, 'production', 'newest');
    const list = new KeyWindow(ask);
    await list.show('production', '', 'all', 'newest');
    expect(ask).toHaveBeenCalledTimes(2);
    expect(list.rows[0]?.name).toBe('Key 0');
  });
});
