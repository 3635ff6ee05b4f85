import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as api from '../lib/api';
import { AppError } from '../lib/errors';
import type { ScanFinding, ScanStatus, ScanView } from '../lib/types';
import { makeKey } from '../test/fixtures';
import Scan from './Scan.svelte';

vi.mock('../lib/api', () => import('../test/api-mock'));

function finding(over: Partial<ScanFinding>): ScanFinding {
  return {
    file: 'config/app.env',
    line: 2,
    column: 15,
    hint: 'prf_…abcd',
    verdict: 'active',
    headline: 'This key is live: replace it now',
    advice: 'Exposed: "Salesforce sync" works. Replace it now and delete the old key.',
    live: true,
    keyId: 'key_1',
    keyName: 'Salesforce sync',
    replaceable: true,
    ...over,
  };
}

const done: ScanView = {
  findings: [
    finding({}),
    finding({
      file: 'scripts/<b>old</b>.sh',
      line: 1,
      column: 12,
      hint: 'prf_…wxyz',
      verdict: 'not_this_organization',
      headline: 'Not one of your organization\u2019s keys: it may still work',
      advice: 'A valid Proof key, but not one of this organization\u2019s.',
      keyId: undefined,
      keyName: undefined,
      replaceable: false,
    }),
  ],
  typos: [{ file: 'notes.txt', line: 1, column: 20, hint: 'prf_…abcz' }],
  files: 3,
  bytes: 1200,
  live: 2,
  cancelled: false,
  summary: 'folders: 3 files read (1.2 kB); 2 keys found, 2 live; 1 shaped like a key but with a typo',
};

const running: ScanStatus = { running: true, files: 1500, bytes: 2_000_000, findings: 1, typos: 0 };

beforeEach(() => {
  vi.resetAllMocks();
  vi.mocked(api.scanProgress).mockResolvedValue({ running: false, files: 0, bytes: 0, findings: 0, typos: 0 });
  vi.mocked(api.chooseScanFolder).mockResolvedValue('/home/dana/code/shop');
  vi.mocked(api.startScan).mockResolvedValue();
  vi.mocked(api.cancelScan).mockResolvedValue();
});

async function scanTo(final: ScanStatus, canManageKeys = true) {
  const user = userEvent.setup();
  render(Scan, { view: { canManageKeys } });
  await user.click(screen.getByRole('button', { name: 'Choose a folder…' }));
  await screen.findByText('/home/dana/code/shop');
  vi.mocked(api.scanProgress).mockResolvedValueOnce(running).mockResolvedValue(final);
  await user.click(screen.getByLabelText("Scan the folder's history instead of its files"));
  await user.click(screen.getByRole('button', { name: 'Start scan' }));
  return user;
}

describe('Scan', () => {
  it('scans the chosen folder, shows progress, then each key in plain words', async () => {
    await scanTo({ ...running, running: false, result: done });
    expect(api.startScan).toHaveBeenCalledWith({ folder: '/home/dana/code/shop', everything: false, history: true });
    const table = await screen.findByRole('table', { name: 'Keys found, where they are and what to do' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(within(rows[1]).getByRole('rowheader')).toHaveTextContent('This key is live: replace it now');
    expect(rows[1]).toHaveTextContent('config/app.env, line 2, column 15');
    expect(rows[2]).toHaveTextContent('scripts/<b>old</b>.sh, line 1, column 12');
    expect(within(rows[2]).queryByRole('button')).toBeNull();
    expect(screen.getByText(/1 place holds text shaped like a key with a character wrong/)).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Scan finished: 2 keys found, 2 that may still work.');
    expect(screen.getByText('3 files read (1.2 kB).', { exact: false })).toBeInTheDocument();
  });

  it('shows how far a long scan got, and cancels it', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
      render(Scan, { view: { canManageKeys: true } });
      await user.click(screen.getByRole('button', { name: 'Choose a folder…' }));
      vi.mocked(api.scanProgress).mockResolvedValue(running);
      await user.click(screen.getByRole('button', { name: 'Start scan' }));
      await vi.advanceTimersByTimeAsync(300);
      expect(await screen.findByText('1,500 files read (2.0 MB), 1 key found so far')).toBeInTheDocument();
      expect(screen.getByText('Scanning…')).toBeInTheDocument();
      expect(screen.getByRole('button', { name: 'Start scan' })).toBeDisabled();
      await user.click(screen.getByRole('button', { name: 'Cancel scan' }));
      expect(api.cancelScan).toHaveBeenCalledOnce();
      vi.mocked(api.scanProgress).mockResolvedValue({ ...running, running: false, result: { ...done, cancelled: true } });
      await vi.advanceTimersByTimeAsync(300);
      expect(await screen.findByRole('heading', { name: 'Scan stopped early: what was found until then' })).toBeInTheDocument();
      expect(screen.queryByRole('button', { name: 'Cancel scan' })).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('replaces a live key after a confirm, with no grace period', async () => {
    const user = await scanTo({ ...running, running: false, result: done });
    vi.mocked(api.replaceKey).mockResolvedValue({
      new: makeKey({ id: 'key_9', settings: { name: 'Salesforce sync (new)' } }),
      old: makeKey({ id: 'key_1' }),
      oldDeleted: true,
    });
    await user.click(await screen.findByRole('button', { name: 'Replace Salesforce sync now and delete the old key' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Replace Salesforce sync now?' });
    expect(api.replaceKey).not.toHaveBeenCalled();
    await user.click(within(dialog).getByRole('button', { name: 'Replace now and delete the old key' }));
    expect(api.replaceKey).toHaveBeenCalledWith('key_1', 0);
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(screen.getByText('Replaced: this copy no longer works')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Salesforce sync was replaced and deleted.');
  });

  it('offers no replace to a member who may not manage keys', async () => {
    await scanTo({ ...running, running: false, result: done }, false);
    await screen.findByRole('table');
    expect(screen.queryByRole('button', { name: /Replace/ })).toBeNull();
    expect(screen.getByText('Ask an owner or admin to replace the keys that still work.')).toBeInTheDocument();
  });

  it('says why a scan could not run, and keeps the choices', async () => {
    const user = userEvent.setup();
    render(Scan, { view: { canManageKeys: true } });
    await user.click(screen.getByRole('button', { name: 'Choose a folder…' }));
    vi.mocked(api.startScan).mockRejectedValue(
      new AppError('scan_running', 'A scan is already running.', 'Wait for it to finish, or cancel it, then start again.'),
    );
    await user.click(screen.getByRole('button', { name: 'Start scan' }));
    expect(await screen.findByText('A scan is already running.')).toBeInTheDocument();
    expect(screen.getByText('/home/dana/code/shop')).toBeInTheDocument();
  });
});
