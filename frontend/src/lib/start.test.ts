import { afterEach, describe, expect, it, vi } from 'vitest';
import * as api from './api';
import { KeyWindow } from './keywindow.svelte';
import { askFirst, takeFirstState } from './start';
import { keysPage, makeKey, makeState } from '../test/fixtures';

vi.mock('./api', () => import('../test/api-mock'));

describe('the first questions to Go', () => {
  afterEach(() => history.replaceState(null, '', '#'));

  it('asks for the state and the first rows of API Keys, the state given once', async () => {
    history.replaceState(null, '', location.pathname);
    const state = makeState();
    vi.mocked(api.getState).mockResolvedValue(state);
    vi.mocked(api.keyPage).mockImplementation(keysPage([makeKey()]));
    askFirst();
    expect(api.getState).toHaveBeenCalledTimes(1);
    expect(api.keyPage).toHaveBeenCalledWith(expect.objectContaining({ environment: 'production', offset: 0 }));
    expect(await takeFirstState()).toBe(state);
    expect(takeFirstState()).toBeNull();
    // the page's list takes the rows asked at start instead of asking again
    await new KeyWindow(api.keyPage).show('production', '', 'all', 'newest');
    expect(api.keyPage).toHaveBeenCalledTimes(1);
  });

  it('hands the state over once the first rows have come, or failed: the first screen is drawn once', async () => {
    history.replaceState(null, '', location.pathname);
    const state = makeState();
    vi.mocked(api.getState).mockResolvedValue(state);
    for (const outcome of ['rows', 'refused'] as const) {
      let answer: () => void = () => {};
      vi.mocked(api.keyPage).mockImplementation(
        (q) =>
          new Promise((resolve, reject) => {
            answer = () => (outcome === 'rows' ? keysPage([makeKey()])(q).then(resolve) : reject({ code: 'sign_in', message: 'Sign in first.' }));
          }),
      );
      askFirst();
      let handed = false;
      const first = takeFirstState()!.then((s) => ((handed = true), s));
      await new Promise((r) => setTimeout(r, 10));
      expect(handed, `${outcome}: not before the rows`).toBe(false);
      answer();
      expect(await first).toBe(state);
    }
  });

  it('asks for no rows when the app opens on another page, and keeps a refusal for the app to tell', async () => {
    history.replaceState(null, '', '#/settings/members');
    vi.mocked(api.getState).mockRejectedValue({ code: 'in_use', message: 'proofkeys is already open.' });
    askFirst();
    expect(api.keyPage).not.toHaveBeenCalled();
    await expect(takeFirstState()).rejects.toMatchObject({ code: 'in_use' });
  });
});
