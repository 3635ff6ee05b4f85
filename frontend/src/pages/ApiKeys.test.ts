import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as api from '../lib/api';
import { blockSize } from '../lib/keywindow.svelte';
import { asListed, keysPage, makeKey, makeState } from '../test/fixtures';
import type { KeyPage, KeyQuery, KeyView } from '../lib/types';
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

  it('shows the generated key, asking Go for the whole list again', async () => {
    const fresh = makeKey({ id: 'key_3', hint: 'prf_…Zz01', settings: { name: 'Full access key 3' } });
    vi.mocked(api.generateKey).mockResolvedValue(fresh);
    const { user } = renderPage();
    const search = await screen.findByRole('searchbox');
    await user.type(search, 'night');
    await waitFor(() => expect(api.keyPage).toHaveBeenLastCalledWith(expect.objectContaining({ search: 'night' })));
    vi.mocked(api.keyPage).mockImplementation(keysPage([fresh, salesforce, script].map(asListed)));

    await user.click(screen.getByRole('button', { name: 'Generate Full Access Key' }));

    expect(api.generateKey).toHaveBeenCalledWith('production');
    // not hidden by the search typed before
    expect(api.keyPage).toHaveBeenLastCalledWith(expect.objectContaining({ search: '', filter: 'all', offset: 0 }));
    expect(search).toHaveValue('');
    await screen.findByRole('row', { name: /Full access key 3/ });
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
    let answer: (page: KeyPage) => void = () => {};
    vi.mocked(api.keyPage).mockReturnValueOnce(new Promise((resolve) => (answer = resolve)));
    vi.mocked(api.keyPage).mockImplementation(keysPage([fresh]));
    vi.mocked(api.generateKey).mockResolvedValue(fresh);
    await user.click(screen.getByRole('radio', { name: 'Sandbox' }));
    await user.click(screen.getByRole('button', { name: 'Generate Full Access Key' }));
    answer(await keysPage([])({ environment: 'sandbox', search: '', filter: 'all', order: 'newest', offset: 0, limit: blockSize }));
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

  it('asks Go again for the rows in view after a copy, and keeps them shown meanwhile', async () => {
    vi.mocked(api.copyKey).mockResolvedValue({ clearAfterSeconds: 30 });
    const { user } = renderPage();
    await user.click(await screen.findByRole('button', { name: 'Copy Salesforce sync' }));
    let answer: (page: KeyPage) => void = () => {};
    vi.mocked(api.keyPage).mockReturnValueOnce(new Promise((resolve) => (answer = resolve)));
    await user.click(await screen.findByRole('button', { name: 'Copy Nightly script' }));
    expect(api.keyPage).toHaveBeenCalledTimes(3);
    expect(api.keyPage).toHaveBeenLastCalledWith(expect.objectContaining({ environment: 'production', offset: 0 }));
    expect(screen.getByRole('row', { name: /Salesforce sync/ })).toBeInTheDocument();
    expect(screen.queryByText('Loading…')).not.toBeInTheDocument();
    const q = vi.mocked(api.keyPage).mock.lastCall![0];
    answer(await keysPage([script, salesforce].map(asListed))(q));
    await waitFor(() => expect(listed()).toEqual(['Nightly script', 'Salesforce sync']));
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
    vi.mocked(api.keyPage).mockImplementation(keysPage([script].map(asListed)));

    const dialog = screen.getByRole('alertdialog', { name: 'Delete Salesforce sync?' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(dialog).toHaveAccessibleDescription(/Salesforce sync/);
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    expect(api.deleteKey).not.toHaveBeenCalled();

    await user.click(within(dialog).getByRole('button', { name: 'Delete key' }));

    expect(api.deleteKey).toHaveBeenCalledWith('key_1');
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('row', { name: /Salesforce sync/ })).not.toBeInTheDocument());
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
    const slow = makeKey({ id: 'key_7', settings: { name: 'Slow key' } });
    vi.mocked(api.keyPage).mockImplementation(keysPage([slow, salesforce, script].map(asListed)));
    finish(slow);
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
  // Go searches, filters and orders every key (backend/ui keypage_test.go): the page asks it
  // the right question and shows its answer.
  const keys: KeyView[] = [
    makeKey({ id: 'key_3', createdAt: '2026-06-01T00:00:00Z', settings: { name: 'Key 3' }, rotationDue: true, copied: true }),
    makeKey({ id: 'key_4', createdAt: '2025-12-02T00:00:00Z', hint: 'prf_…Qq44', createdBy: 'Lee', settings: { name: 'key 10' } }),
    makeKey({ id: 'key_2', createdAt: '2025-12-01T00:00:00Z', settings: { name: 'Key 2' }, copied: true }),
  ];
  const [key3, key10, key2] = keys;
  const question = (over: Partial<KeyQuery> = {}): KeyQuery => ({
    environment: 'production',
    search: '',
    filter: 'all',
    order: 'newest',
    offset: 0,
    limit: blockSize,
    ...over,
  });

  /** Go as the test plays it: the keys that answer each question, out of all keys. */
  function answers(pick: (q: KeyQuery) => KeyView[], over: Partial<KeyPage> = {}) {
    vi.mocked(api.keyPage).mockImplementation((q) => keysPage(pick(q), { total: keys.length, overdue: 1, ...over })(q));
  }
  beforeEach(() => answers((q) => (q.order === 'name' ? [key2, key3, key10] : keys)));

  it('asks Go for the newest first, or by name as chosen, and remembers the choice', async () => {
    const { user, unmount } = renderPage();
    await screen.findByRole('row', { name: /Key 3/ });
    expect(api.keyPage).toHaveBeenCalledWith(question());
    expect(listed()).toEqual(['Key 3', 'key 10', 'Key 2']);
    await user.selectOptions(screen.getByLabelText('Order'), 'Name');
    expect(api.keyPage).toHaveBeenLastCalledWith(question({ order: 'name' }));
    await waitFor(() => expect(listed()).toEqual(['Key 2', 'Key 3', 'key 10']));
    unmount();
    vi.mocked(api.keyPage).mockClear();
    renderPage();
    await screen.findByRole('row', { name: /Key 3/ });
    expect(api.keyPage).toHaveBeenCalledWith(question({ order: 'name' }));
    expect(screen.getByLabelText('Order')).toHaveValue('name');
    expect(listed()).toEqual(['Key 2', 'Key 3', 'key 10']);
  });

  it('says "1 key" of a list of one, and "0 of 1 key shown" when the search finds none', async () => {
    answers((q) => (q.search === '' ? [key2] : []), { total: 1 });
    const { user } = renderPage();
    expect(await screen.findByText('1 key')).toBeInTheDocument();
    await user.type(screen.getByRole('searchbox', { name: 'Search by name, key or creator' }), 'zz');
    expect(await screen.findByText(/0 of 1 key shown/)).toBeInTheDocument();
  });

  it("sends each keystroke's search to Go, and shows what it found and how many", async () => {
    answers((q) => (q.search === '' ? keys : q.search === 'LEE' ? [key10] : []));
    const { user } = renderPage();
    const search = await screen.findByRole('searchbox', { name: 'Search by name, key or creator' });
    expect(screen.getByText('3 keys')).toBeInTheDocument();
    await user.type(search, 'LEE');
    for (const typed of ['L', 'LE', 'LEE']) expect(api.keyPage).toHaveBeenCalledWith(question({ search: typed }));
    await waitFor(() => expect(listed()).toEqual(['key 10']));
    expect(screen.getByText(/1 of 3 keys shown/)).toBeInTheDocument();
    expect(screen.getByRole('table')).toHaveAttribute('aria-rowcount', '2');
    await user.type(search, 'X');
    expect(api.keyPage).toHaveBeenLastCalledWith(question({ search: 'LEEX' }));
    await waitFor(() => expect(screen.queryByRole('table')).not.toBeInTheDocument());
    expect(screen.getByText(/No keys match/)).toBeInTheDocument();
    expect(screen.getByText(/0 of 3 keys shown/)).toBeInTheDocument();
    await user.click(screen.getAllByRole('button', { name: 'Show all keys' })[0]);
    expect(api.keyPage).toHaveBeenLastCalledWith(question());
    expect(search).toHaveValue('');
    await waitFor(() => expect(listed()).toHaveLength(3));
    expect(screen.getByText('3 keys')).toBeInTheDocument();
  });

  it('drops a slow answer to an earlier keystroke that comes after the answer to the last', async () => {
    let slow: (page: KeyPage) => void = () => {};
    vi.mocked(api.keyPage).mockImplementation(async (q) => {
      if (q.search === 'k') return new Promise((resolve) => (slow = resolve));
      return keysPage(q.search === 'ke' ? [key10] : keys, { total: 3 })(q);
    });
    const { user } = renderPage();
    const search = await screen.findByRole('searchbox');
    await user.type(search, 'ke');
    await waitFor(() => expect(listed()).toEqual(['key 10']));
    slow(await keysPage([key3, key2], { total: 3 })(question({ search: 'k' })));
    await new Promise((r) => setTimeout(r, 50));
    expect(listed()).toEqual(['key 10']);
    expect(screen.getByText(/1 of 3 keys shown/)).toBeInTheDocument();
  });

  it('asks Go for the never copied keys', async () => {
    answers((q) => (q.filter === 'never_copied' ? [key10] : keys));
    const { user } = renderPage();
    await user.selectOptions(await screen.findByLabelText('Show'), 'Never copied');
    expect(api.keyPage).toHaveBeenLastCalledWith(question({ filter: 'never_copied' }));
    await waitFor(() => expect(listed()).toEqual(['key 10']));
  });

  it("shows Go's count of overdue keys, and makes it a link to them", async () => {
    answers((q) => (q.filter === 'overdue' ? [key3] : keys), { overdue: 1 });
    const { user } = renderPage();
    const search = await screen.findByRole('searchbox');
    await user.type(search, 'k');
    const link = await screen.findByRole('button', { name: "1 key is older than your organization's rotation policy" });
    await user.click(link);
    expect(api.keyPage).toHaveBeenLastCalledWith(question({ filter: 'overdue' }));
    await waitFor(() => expect(listed()).toEqual(['Key 3']));
    expect(screen.getByLabelText('Show')).toHaveValue('overdue');
    expect(search).toHaveValue('');
    expect(link).toHaveAttribute('aria-pressed', 'true');
  });

  it('says nothing of overdue keys when Go counts none', async () => {
    answers(() => keys, { overdue: 0 });
    renderPage();
    await screen.findByRole('row', { name: /Key 3/ });
    expect(screen.queryByText(/older than your organization's rotation policy/)).not.toBeInTheDocument();
  });

  it.each([
    [['Key 3'], 1, 'Proof no longer enables the payer saved on Key 3. The setting was kept'],
    [['A', 'B', 'C', 'D', 'E'], 6, 'Proof no longer enables the payer saved on A, B, C, D, E and 1 more key.'],
    [['A', 'B', 'C', 'D', 'E'], 4005, 'Proof no longer enables the payer saved on A, B, C, D, E and 4000 more keys.'],
  ])('names the keys Go says were saved with a withdrawn payer: %j of %i', async (withdrawnPayer, withdrawnCount, text) => {
    answers(() => keys, { withdrawnPayer, withdrawnCount });
    renderPage();
    await screen.findByRole('row', { name: /Key 3/ });
    expect(screen.getByText(/Proof no longer enables the payer/).textContent?.replace(/\s+/g, ' ')).toContain(text);
  });

  it('says why rows further down could not load, and asks for them again on the next scroll', async () => {
    const many = Array.from({ length: 500 }, (_, i) => makeKey({ id: `key_${i}`, settings: { name: `Seeded key ${i}` } }));
    vi.mocked(api.keyPage).mockImplementation((q) =>
      q.offset === 0
        ? keysPage(many)(q)
        : Promise.reject({ code: 'sign_in', message: 'Sign in first.', hint: 'Choose your name and enter your passphrase.' }),
    );
    renderPage();
    await screen.findByRole('row', { name: /Seeded key 0 / });
    const scroller = screen.getByRole('region', { name: 'Production keys' });
    scroller.scrollTop = 64 * 300;
    await fireEvent.scroll(scroller);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Sign in first.');
    expect(alert).toHaveTextContent('Choose your name and enter your passphrase.');
    vi.mocked(api.keyPage).mockImplementation(keysPage(many));
    scroller.scrollTop = 64 * 301;
    await fireEvent.scroll(scroller);
    expect(await screen.findByRole('row', { name: /Seeded key 300 / })).toBeInTheDocument();
  });

  it('asks only for the rows in view of a long list, and draws those still on their way as loading', async () => {
    const many = Array.from({ length: 10000 }, (_, i) =>
      makeKey({ id: `key_${i}`, createdAt: new Date(Date.UTC(2026, 0, 1, 0, 9999 - i)).toISOString(), settings: { name: `Seeded key ${9999 - i}` } }),
    );
    const later: (() => Promise<void>)[] = [];
    vi.mocked(api.keyPage).mockImplementation((q) =>
      q.offset === 0 ? keysPage(many)(q) : new Promise((resolve) => later.push(async () => resolve(await keysPage(many)(q)))),
    );
    renderPage();
    await screen.findByRole('row', { name: /Seeded key 9999/ });
    expect(api.keyPage).toHaveBeenCalledTimes(1);
    expect(screen.getAllByRole('row').length).toBeLessThan(30);
    expect(screen.getByRole('table')).toHaveAttribute('aria-rowcount', '10001');
    expect(screen.getAllByRole('row')[1]).toHaveAttribute('aria-rowindex', '2');

    const scroller = screen.getByRole('region', { name: 'Production keys' });
    scroller.scrollTop = 64 * 5000;
    await fireEvent.scroll(scroller);
    // rows 4997 to 5003 are in view: the blocks holding 4997 and 5000
    expect(api.keyPage).toHaveBeenCalledWith(question({ offset: 4997 - (4997 % blockSize) }));
    expect(api.keyPage).toHaveBeenCalledWith(question({ offset: 5000 }));
    expect(api.keyPage).toHaveBeenCalledTimes(3);
    const waiting = screen.getAllByText('Loading…');
    expect(waiting.length).toBeGreaterThan(0);
    expect(waiting[0].closest('tr')).toHaveAttribute('aria-rowindex', String(4997 + 2));
    for (const answer of later) await answer();
    expect(await screen.findByRole('row', { name: /Seeded key 4999 / })).toHaveAttribute('aria-rowindex', '5002');
    expect(screen.getByRole('row', { name: /Seeded key 4997 / })).toHaveAttribute('aria-rowindex', '5004');
    expect(screen.queryByText('Loading…')).not.toBeInTheDocument();
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
    vi.mocked(api.keyPage).mockImplementation(keysPage([fresh, oldAfter, script]));
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
