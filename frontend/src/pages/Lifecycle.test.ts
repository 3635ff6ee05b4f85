import '@testing-library/jest-dom/vitest';
import '@testing-library/svelte/vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as api from '../lib/api';
import { inWords } from '../lib/lifecycle';
import type { CheckView } from '../lib/types';
import { makeKey, makeState } from '../test/fixtures';
import ReplaceDialog from '../dialogs/ReplaceDialog.svelte';
import ClipboardCountdown from '../parts/ClipboardCountdown.svelte';
import KeyRow from '../parts/KeyRow.svelte';
import OrgPolicies from '../parts/OrgPolicies.svelte';
import CheckKey from './CheckKey.svelte';

vi.mock('../lib/api', () => import('../test/api-mock'));

const key = makeKey();
const replaced = { new: makeKey({ id: 'key_2', hint: 'prf_…Nw01' }), old: key, oldDeleted: false };

describe('Replace dialog', () => {
  // braces: a function returned from beforeEach is run as a teardown, and a mock is a function
  beforeEach(() => {
    vi.mocked(api.replaceKey).mockResolvedValue(replaced);
  });

  it('replaces with the chosen grace period', async () => {
    const user = userEvent.setup();
    const onreplaced = vi.fn();
    render(ReplaceDialog, { key, returnFocus: () => null, onreplaced, onerror: vi.fn(), oncancel: vi.fn() });
    expect(screen.getByRole('radio', { name: '24 hours' })).toBeChecked();
    await user.click(screen.getByRole('radio', { name: '1 hour' }));
    await user.click(screen.getByRole('button', { name: 'Replace, keep the old key for 1 hour' }));
    expect(api.replaceKey).toHaveBeenCalledWith('key_1', 1);
    expect(onreplaced).toHaveBeenCalledWith(replaced, false);
  });

  it('offers one way to stop the old key at once, apart from the grace periods', () => {
    render(ReplaceDialog, { key, returnFocus: () => null, onreplaced: vi.fn(), onerror: vi.fn(), oncancel: vi.fn() });
    const radios = screen.getAllByRole('radio').map((r) => r.getAttribute('value'));
    expect(radios).toEqual(['1', '24', '168']);
    expect(screen.getByRole('button', { name: 'Replace, keep the old key for 24 hours' })).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: /now/i })).toHaveLength(1);
  });

  it('takes the short path when the key was exposed', async () => {
    const user = userEvent.setup();
    const onreplaced = vi.fn();
    render(ReplaceDialog, { key, returnFocus: () => null, onreplaced, onerror: vi.fn(), oncancel: vi.fn() });
    expect(screen.getByRole('heading', { name: 'Compromised or exposed?' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Replace now and delete the old key' }));
    expect(api.replaceKey).toHaveBeenCalledWith('key_1', 0);
    expect(onreplaced).toHaveBeenCalledWith(replaced, true);
  });

  it('shows why a replace failed, with what to do, and keeps the dialog open', async () => {
    const failure = { code: 'vault_locked', message: 'The vault is locked.', hint: 'Unlock your keyring, then try again.' };
    vi.mocked(api.replaceKey).mockRejectedValue(failure);
    const onreplaced = vi.fn();
    const onerror = vi.fn();
    const user = userEvent.setup();
    render(ReplaceDialog, { key, returnFocus: () => null, onreplaced, onerror, oncancel: vi.fn() });
    await user.click(screen.getByRole('button', { name: /^Replace, keep the old key/ }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The vault is locked.');
    expect(alert).toHaveTextContent('Unlock your keyring, then try again.');
    expect(onerror).toHaveBeenCalledWith(expect.objectContaining({ code: 'vault_locked' }));
    expect(onreplaced).not.toHaveBeenCalled();
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /^Replace, keep the old key/ })).toBeEnabled();
  });
});

describe('Key row lifecycle', () => {
  function row(k = key, disabled = false) {
    const onreplace = vi.fn();
    const table = document.createElement('table');
    const body = table.appendChild(document.createElement('tbody'));
    document.body.appendChild(table);
    render(KeyRow, {
      target: body,
      props: { key: k, disabled, copying: false, onsettings: vi.fn(), oncopy: vi.fn(), ondelete: vi.fn(), onreplace },
    });
    return onreplace;
  }

  it('flags a key due for rotation and links the flag to Replace', async () => {
    const onreplace = row(makeKey({ rotationDue: true }));
    await userEvent.setup().click(screen.getByRole('button', { name: 'Due for rotation: replace Salesforce sync' }));
    expect(onreplace).toHaveBeenCalled();
  });

  it('points a replaced key to its replacement and says when it expires', () => {
    const in2h = new Date(Date.now() + 2 * 3600 * 1000).toISOString();
    row(makeKey({ replacedBy: 'key_2', replacedByLabel: 'Salesforce sync (prf_…Nw01)', expiresAt: in2h }));
    const header = screen.getByRole('rowheader');
    expect(header).toHaveTextContent('Replaced by Salesforce sync (prf_…Nw01); expires in 2 hours');
    expect(header).toHaveTextContent(/^Salesforce sync \(replaced, expires .+\)/);
    const replace = screen.getByRole('button', { name: /^Replace Salesforce sync \(replaced, expires/ });
    expect(replace).toBeDisabled();
    expect(replace).toHaveTextContent('Replace…');
  });

  it('has a labelled Replace button, not only an icon', () => {
    row();
    expect(screen.getByRole('button', { name: 'Replace Salesforce sync' })).toHaveTextContent('Replace…');
  });
});

it('says "expires in" in words', () => {
  const now = Date.parse('2026-11-27T10:00:00Z');
  expect(inWords('2026-11-27T10:59:10Z', now)).toBe('in 1 hour');
  expect(inWords('2026-11-27T10:30:00Z', now)).toBe('in 30 minutes');
  expect(inWords('2026-11-28T10:00:00Z', now)).toBe('in 24 hours');
  expect(inWords('2026-12-04T10:00:00Z', now)).toBe('in 7 days');
  expect(inWords('2026-11-27T09:00:00Z', now)).toBe('now');
});

describe('Clipboard countdown', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('names the key, counts down to the clearing, then goes away', async () => {
    render(ClipboardCountdown, { clearAt: Date.now() + 3000, name: 'Salesforce sync', hint: 'prf_…x7Qa' });
    expect(screen.getByText(/cleared in/)).toHaveTextContent(
      'Salesforce sync (prf_…x7Qa) is on the clipboard; it will be cleared in 3 seconds.',
    );
    await vi.advanceTimersByTimeAsync(2000);
    expect(screen.getByText(/cleared in/)).toHaveTextContent('cleared in 1 second.');
    await vi.advanceTimersByTimeAsync(1500);
    expect(screen.queryByText(/clipboard/)).not.toBeInTheDocument();
  });
});

describe('Check a key', () => {
  const deletedKey = { id: 'key_1', name: 'Salesforce sync', hint: 'prf_…x7Qa', environment: 'production' as const,
    state: 'deleted', createdAt: '2026-11-02T10:00:00Z', createdBy: 'Dana', deletedAt: '2026-11-27T10:00:00Z',
    deletedBy: 'Dana' };

  // Renders the page with Go's answer mocked, pastes a key and checks it.
  async function check(answer: Partial<CheckView>, env?: string) {
    vi.mocked(api.checkKey).mockResolvedValue({ verdict: 'deleted', ok: false, message: '', hint: '', ...answer });
    const user = userEvent.setup();
    render(CheckKey);
    await user.type(screen.getByLabelText('Key the integration uses'), 'prf_pasted');
    if (env) await user.selectOptions(screen.getByLabelText('The integration works with'), env);
    await user.click(screen.getByRole('button', { name: 'Check key' }));
    return user;
  }

  it('sends the pasted key with the expected environment and shows the answer', async () => {
    const user = await check(
      {
        message: 'This was Salesforce sync (prf_…x7Qa). It was deleted on Nov 27, 2026 at 10:00 UTC by Dana.',
        hint: 'Generate a new key.',
        key: deletedKey,
      },
      'sandbox',
    );
    expect(api.checkKey).toHaveBeenCalledWith('prf_pasted', 'sandbox');
    expect(await screen.findByText(/It was deleted on/)).toBeInTheDocument();
    expect(screen.getByText('Generate a new key.')).toBeInTheDocument();
    expect(screen.getByText('Deleted', { selector: 'dd' })).toBeInTheDocument();
    expect(screen.getAllByText(/by Dana$/, { selector: 'dd' })).toHaveLength(2); // created, deleted
    await user.click(screen.getByRole('button', { name: 'Clear' }));
    expect(screen.getByLabelText('Key the integration uses')).toHaveValue('');
    expect(screen.queryByText(/It was deleted on/)).not.toBeInTheDocument();
  });

  it('says an expired key ended with its grace period, not by a person', async () => {
    await check({ verdict: 'expired', message: 'Its grace period ended.', key: deletedKey });
    expect(await screen.findByText(/at the end of its grace period$/, { selector: 'dd' })).toBeInTheDocument();
    expect(screen.getAllByText(/by Dana$/, { selector: 'dd' })).toHaveLength(1); // created only
  });
});

describe('Key policies', () => {
  beforeEach(() => {
    vi.mocked(api.getPolicies).mockResolvedValue({ rotationDays: 90, clipboardClearSeconds: 30 });
  });

  it('lets an owner save', async () => {
    vi.mocked(api.savePolicies).mockImplementation(async (p) => p);
    const user = userEvent.setup();
    render(OrgPolicies, { view: makeState() });
    await user.selectOptions(await screen.findByLabelText('Rotate keys every'), '180');
    await user.click(screen.getByRole('button', { name: 'Save policies' }));
    expect(api.savePolicies).toHaveBeenCalledWith({ rotationDays: 180, clipboardClearSeconds: 30 });
    expect(await screen.findByRole('status')).toHaveTextContent('Saved the key policies.');
  });

  it('shows a team member the policies without letting them change them', async () => {
    render(OrgPolicies, { view: makeState({ me: { id: 'm', name: 'Lee', email: 'l@x.test', role: 'team_member' } }) });
    expect(await screen.findByLabelText('Rotate keys every')).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Save policies' })).not.toBeInTheDocument();
    expect(screen.getByText('Only owners and admins can change these.')).toBeInTheDocument();
  });
});
