import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as api from '../lib/api';
import { asListed, keysPage, makeKey, makeState } from '../test/fixtures';
import type { KeyView } from '../lib/types';
import ApiKeys from './ApiKeys.svelte';

vi.mock('../lib/api', () => import('../test/api-mock'));

const salesforce = makeKey();
const script = makeKey({ id: 'key_2', hint: 'prf_…9kLm', createdBy: 'Lee', settings: { name: 'Nightly script' } });

beforeEach(() => {
  localStorage.clear();
  vi.mocked(api.keyPage).mockImplementation(keysPage([salesforce, script].map(asListed)));
});
afterEach(() => vi.clearAllMocks());

/** The names in the list's rows, top to bottom. */
function listed(): string[] {
  return screen.getAllByRole('rowheader').map((h) => h.querySelector('.line')?.textContent ?? '');
}

function renderPage(over = {}) {
  const user = userEvent.setup();
  const onstale = vi.fn();
  const result = render(ApiKeys, { view: makeState(over), onstale });
  return { user, onstale, ...result };
}

describe('API Keys page', () => {
  it('lists the production keys with name, hint, date and author', async () => {
    renderPage();
    expect(screen.getByRole('heading', { level: 1, name: 'API Keys' })).toBeInTheDocument();
    const row = (await screen.findByRole('row', { name: /Salesforce sync/ })) as HTMLElement;
    expect(api.keyPage).toHaveBeenCalledWith(expect.objectContaining({ environment: 'production' }));
    expect(within(row).getByText('prf_…x7Qa').tagName).toBe('CODE');
    expect(within(row).getByText('by Dana')).toBeInTheDocument();
    expect(within(row).getByRole('button', { name: 'Settings for Salesforce sync' })).toBeEnabled();
    expect(within(row).getByRole('button', { name: 'Copy Salesforce sync' })).toBeEnabled();
    expect(within(row).getByRole('button', { name: 'Delete Salesforce sync' })).toBeEnabled();
    for (const name of ['Name', 'Key', 'Created']) {
      expect(screen.getByRole('columnheader', { name })).toBeInTheDocument();
    }
    expect(screen.getAllByRole('row')).toHaveLength(3);
  });

  it("asks Go for a key's settings when its panel opens, and saves them", async () => {
    vi.mocked(api.keySettings).mockResolvedValue({ ...salesforce.settings, externalId: 'crm-7' });
    vi.mocked(api.saveKeySettings).mockResolvedValue(makeKey({ settings: { name: 'Salesforce sync', externalId: 'crm-8' } }));
    const { user } = renderPage();
    await user.click(await screen.findByRole('button', { name: 'Settings for Salesforce sync' }));
    expect(api.keySettings).toHaveBeenCalledWith('key_1');
    const dialog = await screen.findByRole('dialog', { name: 'Settings for Salesforce sync' });
    const externalId = within(dialog).getByLabelText('External ID');
    expect(externalId).toHaveValue('crm-7');
    await user.clear(externalId);
    await user.type(externalId, 'crm-8');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(api.saveKeySettings).toHaveBeenCalledWith('key_1', expect.objectContaining({ externalId: 'crm-8' }));
    expect(await screen.findByText('Saved settings for Salesforce sync.')).toBeInTheDocument();
  });

  it("explains when a key's settings cannot be read, and opens no panel", async () => {
    vi.mocked(api.keySettings).mockRejectedValue({ code: 'vault_locked', message: 'The vault is locked.', hint: 'Unlock it.' });
    const { user } = renderPage();
    await user.click(await screen.findByRole('button', { name: 'Settings for Salesforce sync' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The vault is locked.');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('says so when there are no keys', async () => {
    vi.mocked(api.keyPage).mockImplementation(keysPage([]));
    renderPage();
    expect(await screen.findByText(/No production keys yet/)).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('shows why the list could not load, and what to do', async () => {
    vi.mocked(api.keyPage).mockRejectedValue({
      code: 'vault_locked',
      message: 'The vault is locked.',
      hint: 'Unlock your keyring, then open API Keys again.',
    });
    renderPage();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The vault is locked.');
    expect(alert).toHaveTextContent('Unlock your keyring, then open API Keys again.');
  });

  it('adds the generated key to the list at once', async () => {
    const fresh = makeKey({ id: 'key_3', hint: 'prf_…Zz01', settings: { name: 'Full access key 3' } });
    vi.mocked(api.generateKey).mockResolvedValue(fresh);
    const { user } = renderPage();
    await screen.findByRole('row', { name: /Nightly script/ });

    await user.click(screen.getByRole('button', { name: 'Generate Full Access Key' }));

    expect(api.generateKey).toHaveBeenCalledWith('production');
    const rows = screen.getAllByRole('row');
    expect(rows).toHaveLength(4);
    expect(rows[1]).toHaveTextContent('Full access key 3');
    expect(rows[1]).toHaveTextContent('prf_…Zz01');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Generated Full access key 3.');
  });

  it('reloads the list when the environment changes, by mouse or arrow key', async () => {
    const sandboxKey = makeKey({ id: 'key_9', environment: 'sandbox', hint: 'prf_test_…Ab12', settings: { name: 'Test bench' } });
    const { user } = renderPage();
    await screen.findByRole('row', { name: /Salesforce sync/ });

    const group = screen.getByRole('radiogroup', { name: 'Environment' });
    const production = within(group).getByRole('radio', { name: 'Production' });
    const sandbox = within(group).getByRole('radio', { name: 'Sandbox' });
    expect(production).toBeChecked();

    vi.mocked(api.keyPage).mockImplementation(keysPage([sandboxKey]));
    production.focus();
    await user.keyboard('{ArrowRight}');
    expect(sandbox).toBeChecked();
    expect(api.keyPage).toHaveBeenLastCalledWith(expect.objectContaining({ environment: 'sandbox' }));
    expect(await screen.findByRole('row', { name: /Test bench/ })).toHaveTextContent('prf_test_…Ab12');
    expect(screen.queryByRole('row', { name: /Salesforce sync/ })).not.toBeInTheDocument();

    vi.mocked(api.keyPage).mockImplementation(keysPage([salesforce]));
    await user.click(production);
    expect(api.keyPage).toHaveBeenLastCalledWith(expect.objectContaining({ environment: 'production' }));
    expect(await screen.findByRole('row', { name: /Salesforce sync/ })).toBeInTheDocument();
  });

  it('generates in the environment shown', async () => {
    vi.mocked(api.generateKey).mockResolvedValue(makeKey({ id: 'key_5', environment: 'sandbox' }));
    const { user } = renderPage();
    await screen.findByRole('row', { name: /Salesforce sync/ });
    await user.click(screen.getByRole('radio', { name: 'Sandbox' }));
    await user.click(screen.getByRole('button', { name: 'Generate Full Access Key' }));
    expect(api.generateKey).toHaveBeenCalledWith('sandbox');
  });

  it('keeps a key generated while the list was still loading', async () => {
    const fresh = makeKey({ id: 'key_6', environment: 'sandbox', hint: 'prf_test_…Nw01', settings: { name: 'Fresh' } });
    const { user, container } = renderPage();
    await screen.findByRole('row', { name: /Salesforce sync/ });
    // the Sandbox list is read before the key is made, and answers after it
    let answer: (keys: typeof fresh[]) => void = () => {};
    vi.mocked(api.keyPage).mockReturnValueOnce(new Promise((resolve) => (answer = resolve)));
    vi.mocked(api.keyPage).mockImplementation(keysPage([fresh]));
    vi.mocked(api.generateKey).mockResolvedValue(fresh);
    await user.click(screen.getByRole('radio', { name: 'Sandbox' }));
    await user.click(screen.getByRole('button', { name: 'Generate Full Access Key' }));
    answer([]);
    // once nothing is loading any more, the new key is still listed
    await waitFor(() => expect(container.querySelector('[aria-busy="true"]')).toBeNull());
    expect(screen.getByRole('row', { name: /Fresh/ })).toHaveTextContent('prf_test_…Nw01');
  });

  it('copies a key in Go and announces it, without ever seeing the secret', async () => {
    vi.mocked(api.copyKey).mockResolvedValue({ clearAfterSeconds: 30 });
    const { user } = renderPage();
    await user.click(await screen.findByRole('button', { name: 'Copy Salesforce sync' }));
    expect(api.copyKey).toHaveBeenCalledWith('key_1');
    expect(screen.getByRole('status')).toHaveTextContent('Copied Salesforce sync to the clipboard.');
  });

  it('shows a failed copy as an alert with its hint', async () => {
    vi.mocked(api.copyKey).mockRejectedValue({
      code: 'secret_missing',
      message: 'The secret of Salesforce sync is not in the vault.',
      hint: 'Replace the key to make a new secret.',
    });
    const { user } = renderPage();
    await user.click(await screen.findByRole('button', { name: 'Copy Salesforce sync' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The secret of Salesforce sync is not in the vault.');
    expect(alert).toHaveTextContent('Replace the key to make a new secret.');
    expect(screen.getByRole('status')).toHaveTextContent('');
  });

  it('asks before deleting, then removes the row', async () => {
    vi.mocked(api.deleteKey).mockResolvedValue(undefined);
    const { user } = renderPage();
    await user.click(await screen.findByRole('button', { name: 'Delete Salesforce sync' }));

    const dialog = screen.getByRole('alertdialog', { name: 'Delete Salesforce sync?' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(dialog).toHaveAccessibleDescription(/Salesforce sync/);
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    expect(api.deleteKey).not.toHaveBeenCalled();

    await user.click(within(dialog).getByRole('button', { name: 'Delete key' }));

    expect(api.deleteKey).toHaveBeenCalledWith('key_1');
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(screen.queryByRole('row', { name: /Salesforce sync/ })).not.toBeInTheDocument();
    expect(screen.getByRole('row', { name: /Nightly script/ })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Deleted Salesforce sync.');
    expect(screen.getByRole('heading', { level: 1, name: 'API Keys' })).toHaveFocus();
  });

  it('keeps the key when delete is cancelled, and returns focus to its button', async () => {
    const { user } = renderPage();
    const button = await screen.findByRole('button', { name: 'Delete Nightly script' });
    await user.click(button);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(api.deleteKey).not.toHaveBeenCalled();
    expect(screen.getByRole('row', { name: /Nightly script/ })).toBeInTheDocument();
    expect(button).toHaveFocus();
  });

  it('keeps the confirmation open and explains when delete fails', async () => {
    vi.mocked(api.deleteKey).mockRejectedValue('vault: the keyring is locked');
    const { user } = renderPage();
    await user.click(await screen.findByRole('button', { name: 'Delete Salesforce sync' }));
    const dialog = screen.getByRole('alertdialog');
    await user.click(within(dialog).getByRole('button', { name: 'Delete key' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('vault: the keyring is locked');
    expect(screen.getByRole('row', { name: /Salesforce sync/ })).toBeInTheDocument();
  });

  it('explains, and disables every action, for a team member without the permission', async () => {
    renderPage({ canManageKeys: false, me: { id: 'mem_2', name: 'Sam', email: 'sam@acme.test', role: 'team_member' } });
    const row = (await screen.findByRole('row', { name: /Salesforce sync/ })) as HTMLElement;
    expect(
      screen.getByText(/Only owners, admins, or members with the Manage API keys permission can generate and manage keys/),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Generate Full Access Key' })).toBeDisabled();
    for (const action of ['Settings for', 'Copy', 'Delete']) {
      expect(within(row).getByRole('button', { name: `${action} Salesforce sync` })).toBeDisabled();
    }
  });

  it('shows progress for a call that takes more than a second', async () => {
    let finish: (k: ReturnType<typeof makeKey>) => void = () => {};
    vi.mocked(api.generateKey).mockReturnValue(new Promise((resolve) => (finish = resolve)));
    const { user } = renderPage();
    await screen.findByRole('row', { name: /Salesforce sync/ });
    const button = screen.getByRole('button', { name: 'Generate Full Access Key' });
    await user.click(button);
    expect(button).toHaveAttribute('aria-busy', 'true');
    expect(screen.queryByText('Generating a key…')).not.toBeInTheDocument();
    expect(await screen.findByText('Generating a key…', {}, { timeout: 2500 })).toBeInTheDocument();
    finish(makeKey({ id: 'key_7', settings: { name: 'Slow key' } }));
    expect(await screen.findByRole('row', { name: /Slow key/ })).toBeInTheDocument();
    expect(screen.queryByText('Generating a key…')).not.toBeInTheDocument();
    expect(button).not.toHaveAttribute('aria-busy');
  });

  it('refreshes the list when Go says a key no longer exists', async () => {
    vi.mocked(api.copyKey).mockRejectedValue({
      code: 'key_not_found',
      message: 'This key no longer exists.',
      hint: 'It may have been deleted a moment ago. The list has been refreshed.',
    });
    const { user } = renderPage();
    const copy = await screen.findByRole('button', { name: 'Copy Salesforce sync' });
    vi.mocked(api.keyPage).mockImplementation(keysPage([script]));
    await user.click(copy);
    expect(await screen.findByRole('alert')).toHaveTextContent('This key no longer exists.');
    await waitFor(() => expect(screen.queryByRole('row', { name: /Salesforce sync/ })).not.toBeInTheDocument());
    expect(api.keyPage).toHaveBeenCalledTimes(2);
    expect(screen.getByRole('alert')).toHaveTextContent('The list has been refreshed.');
  });

  it('asks the app to reload its state when Go says the member may no longer act', async () => {
    vi.mocked(api.generateKey).mockRejectedValue({
      code: 'forbidden',
      message: "You don't have permission to manage API keys.",
      hint: 'Ask an owner or admin.',
    });
    const { user, onstale } = renderPage();
    await screen.findByRole('row', { name: /Salesforce sync/ });
    await user.click(screen.getByRole('button', { name: 'Generate Full Access Key' }));
    expect(await screen.findByRole('alert')).toHaveTextContent("You don't have permission to manage API keys.");
    expect(onstale).toHaveBeenCalled();
  });

  it('renders a key name with markup as plain text', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    vi.mocked(api.keyPage).mockImplementation(keysPage([makeKey({ settings: { name: evil } })]));
    const { container } = renderPage();
    const header = await screen.findByRole('rowheader');
    expect(within(header).getByText(evil).textContent).toBe(evil);
    expect(screen.getByRole('button', { name: `Copy ${evil}` })).toBeInTheDocument();
    expect(container.querySelector('img')).toBeNull();
    await waitFor(() => expect(document.querySelector('img')).toBeNull());
  });
});

describe('API Keys list: order, search, filters', () => {
  const keys: KeyView[] = [
    makeKey({ id: 'key_2', createdAt: '2025-12-01T00:00:00Z', settings: { name: 'Key 2' }, copied: true }),
    makeKey({ id: 'key_3', createdAt: '2026-06-01T00:00:00Z', settings: { name: 'Key 3' }, rotationDue: true, copied: true }),
    makeKey({ id: 'key_4', createdAt: '2025-12-02T00:00:00Z', hint: 'prf_…Qq44', createdBy: 'Lee', settings: { name: 'key 10' } }),
  ];
  beforeEach(() => vi.mocked(api.keyPage).mockImplementation(keysPage(keys)));

  it('lists the newest first, or by name as chosen, and remembers the choice', async () => {
    const { user, unmount } = renderPage();
    await screen.findByRole('row', { name: /Key 3/ });
    expect(listed()).toEqual(['Key 3', 'key 10', 'Key 2']);
    await user.selectOptions(screen.getByLabelText('Order'), 'Name');
    expect(listed()).toEqual(['Key 2', 'Key 3', 'key 10']);
    unmount();
    renderPage();
    await screen.findByRole('row', { name: /Key 3/ });
    expect(screen.getByLabelText('Order')).toHaveValue('name');
    expect(listed()).toEqual(['Key 2', 'Key 3', 'key 10']);
  });

  it('searches by name, key hint or creator, and says how many are shown', async () => {
    const { user } = renderPage();
    const search = await screen.findByRole('searchbox', { name: 'Search by name, key or creator' });
    expect(screen.getByText('3 keys')).toBeInTheDocument();
    await user.type(search, 'qq44');
    expect(listed()).toEqual(['key 10']);
    await user.clear(search);
    await user.type(search, 'LEE');
    expect(listed()).toEqual(['key 10']);
    expect(screen.getByText(/1 of 3 keys shown/)).toBeInTheDocument();
    expect(screen.getByRole('table')).toHaveAttribute('aria-rowcount', '2');
    await user.clear(search);
    await user.type(search, 'nothing like it');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    await user.click(screen.getAllByRole('button', { name: 'Show all keys' })[0]);
    expect(listed()).toHaveLength(3);
  });

  it('filters never copied keys', async () => {
    const { user } = renderPage();
    await user.selectOptions(await screen.findByLabelText('Show'), 'Never copied');
    expect(listed()).toEqual(['key 10']);
  });

  it("makes the rotation banner's count a link to the overdue keys", async () => {
    const { user } = renderPage();
    const link = await screen.findByRole('button', { name: "1 key is older than your organization's rotation policy" });
    await user.click(link);
    expect(listed()).toEqual(['Key 3']);
    expect(screen.getByLabelText('Show')).toHaveValue('overdue');
    expect(link).toHaveAttribute('aria-pressed', 'true');
  });

  it('draws only the rows in view of a long list', async () => {
    const many = Array.from({ length: 10000 }, (_, i) =>
      makeKey({ id: `key_${i}`, createdAt: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(), settings: { name: `Seeded key ${i}` } }),
    );
    vi.mocked(api.keyPage).mockImplementation(keysPage(many));
    renderPage();
    await screen.findByRole('row', { name: /Seeded key 9999/ });
    expect(screen.getAllByRole('row').length).toBeLessThan(30);
    expect(screen.getByRole('table')).toHaveAttribute('aria-rowcount', '10001');
    expect(screen.getAllByRole('row')[1]).toHaveAttribute('aria-rowindex', '2');
  });
});

describe('API Keys: replace, clipboard and messages', () => {
  const old = makeKey();
  const fresh = makeKey({ id: 'key_8', createdAt: '2026-11-28T10:00:00Z', hint: 'prf_…Nw01', replaces: 'key_1', replacesLabel: 'Salesforce sync (prf_…x7Qa)' });
  const expiresAt = '2026-11-29T10:00:00Z';
  const oldAfter = { ...old, replacedBy: 'key_8', replacedByLabel: 'Salesforce sync (prf_…Nw01)', expiresAt };
  const outcome = () => screen.getByRole('region', { name: /^New key: Salesforce sync/ });

  it('names the old key apart, puts the new one first and highlighted with its own Copy button', async () => {
    vi.mocked(api.replaceKey).mockResolvedValue({ new: fresh, old: oldAfter, oldDeleted: false });
    vi.mocked(api.copyKey).mockResolvedValue({ clearAfterSeconds: 30 });
    const { user } = renderPage();
    await user.click(await screen.findByRole('button', { name: 'Replace Salesforce sync' }));
    vi.mocked(api.keyPage).mockImplementation(keysPage([oldAfter, fresh, script]));
    await user.click(screen.getByRole('button', { name: 'Replace, keep the old key for 24 hours' }));

    await screen.findByText(/New key: Salesforce sync/);
    const names = listed();
    expect(names[0]).toBe('Salesforce sync');
    expect(names.filter((n) => /^Salesforce sync \(replaced, expires .+\)$/.test(n))).toHaveLength(1);
    const rows = screen.getAllByRole('row');
    expect(rows[1]).toHaveClass('fresh');
    expect(screen.getAllByRole('row').filter((r) => r.classList.contains('fresh'))).toHaveLength(1);
    expect(within(outcome()).getByText(/The old key/)).toHaveTextContent(/prf_…x7Qa keeps working until .+, then it is deleted/);

    await user.click(screen.getByRole('button', { name: 'Copy the new key' }));
    expect(api.copyKey).toHaveBeenCalledWith('key_8');
    expect(screen.getByText(/is on the clipboard/)).toHaveTextContent('Salesforce sync (prf_…Nw01) is on the clipboard');
    // copying the new key is the message's own next step: it stays
    expect(screen.getByText(/New key: Salesforce sync/)).toBeInTheDocument();

    // the next action takes it away
    await user.click(screen.getByRole('button', { name: 'Copy Nightly script' }));
    expect(screen.queryByText(/New key: Salesforce sync/)).not.toBeInTheDocument();
    expect(screen.getAllByRole('row')[1]).not.toHaveClass('fresh');
    expect(screen.getByText(/is on the clipboard/)).toHaveTextContent('Nightly script (prf_…9kLm) is on the clipboard');
  });

  it('says the old key is gone after the exposed path', async () => {
    vi.mocked(api.replaceKey).mockResolvedValue({ new: fresh, old: { ...oldAfter, expiresAt: undefined }, oldDeleted: true });
    const { user } = renderPage();
    await user.click(await screen.findByRole('button', { name: 'Replace Salesforce sync' }));
    vi.mocked(api.keyPage).mockImplementation(keysPage([fresh, script]));
    await user.click(screen.getByRole('button', { name: 'Replace now and delete the old key' }));
    await screen.findByText(/New key: Salesforce sync/);
    expect(within(outcome()).getByText(/The old key/)).toHaveTextContent('The old key prf_…x7Qa is deleted and no longer works.');
  });

  it('takes the countdown away when its key is deleted, and the last message on the next action', async () => {
    vi.mocked(api.copyKey).mockResolvedValue({ clearAfterSeconds: 30 });
    vi.mocked(api.deleteKey).mockResolvedValue(undefined);
    const { user } = renderPage();
    await user.click(await screen.findByRole('button', { name: 'Copy Salesforce sync' }));
    expect(screen.getByText(/is on the clipboard/)).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Copied Salesforce sync');
    await user.click(screen.getByRole('button', { name: 'Delete Salesforce sync' }));
    expect(screen.getByRole('status')).toHaveTextContent('');
    await user.click(screen.getByRole('button', { name: 'Delete key' }));
    expect(screen.queryByText(/is on the clipboard/)).not.toBeInTheDocument();
  });

  it("never shows one environment's keys under the other's name while loading", async () => {
    const { user } = renderPage();
    await screen.findByRole('row', { name: /Salesforce sync/ });
    vi.mocked(api.keyPage).mockReturnValue(new Promise(() => {}));
    await user.click(screen.getByRole('radio', { name: 'Sandbox' }));
    expect(screen.queryByRole('row', { name: /Salesforce sync/ })).not.toBeInTheDocument();
  });
});
