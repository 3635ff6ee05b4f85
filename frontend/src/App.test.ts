import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import App from './App.svelte';
import * as api from './lib/api';
import { keysPage, makeAccess, makeState } from './test/fixtures';

vi.mock('./lib/api', () => import('./test/api-mock'));

beforeEach(() => {
  history.replaceState(null, '', '#/home');
  vi.mocked(api.keyPage).mockImplementation(keysPage([]));
});

describe('first run', () => {
  beforeEach(() => {
    vi.mocked(api.getState).mockResolvedValue(
      makeState({ needsSetup: true, orgId: '', orgName: '', me: { id: '', name: '', email: '', role: 'owner' } }),
    );
  });

  it('creates the organization and opens the app', async () => {
    vi.mocked(api.setUp).mockResolvedValue(makeState());
    const user = userEvent.setup();
    render(App);

    await user.type(await screen.findByLabelText('Organization name'), 'Acme');
    await user.type(screen.getByLabelText('Your name'), 'Dana');
    await user.type(screen.getByLabelText('Email'), ' dana@acme.test ');
    await user.click(screen.getByRole('button', { name: 'Create organization' }));

    expect(api.setUp).toHaveBeenCalledWith({ orgName: 'Acme', name: 'Dana', email: 'dana@acme.test' });
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).getByText('Dana (Owner)')).toBeInTheDocument();
  });

  it("shows Go's field messages next to the fields and keeps the values", async () => {
    vi.mocked(api.setUp).mockRejectedValue({
      code: 'invalid',
      message: 'Some details need a change.',
      hint: 'Fix the fields marked below.',
      fields: { email: 'Enter an email address, such as dana@example.com.' },
    });
    const user = userEvent.setup();
    render(App);
    await user.type(await screen.findByLabelText('Organization name'), 'Acme');
    await user.type(screen.getByLabelText('Your name'), 'Dana');
    await user.type(screen.getByLabelText('Email'), 'dana');
    await user.click(screen.getByRole('button', { name: 'Create organization' }));

    const email = screen.getByLabelText('Email');
    expect(await screen.findByRole('alert')).toHaveTextContent('Some details need a change.');
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveAccessibleDescription('Enter an email address, such as dana@example.com.');
    expect(email).toHaveFocus();
    expect(email).toHaveValue('dana');
    expect(screen.getByLabelText('Organization name')).toHaveValue('Acme');
    expect(screen.getByLabelText('Organization name')).not.toHaveAttribute('aria-invalid');
  });

  it('shows the message and hint of any other error', async () => {
    vi.mocked(api.setUp).mockRejectedValue({
      code: 'in_use',
      message: 'Another proofkeys window is using the data.',
      hint: 'Close the other window, then try again.',
    });
    const user = userEvent.setup();
    render(App);
    await user.type(await screen.findByLabelText('Organization name'), 'Acme');
    await user.click(screen.getByRole('button', { name: 'Create organization' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Another proofkeys window is using the data.');
    expect(alert).toHaveTextContent('Close the other window, then try again.');
  });
});

describe('the app frame', () => {
  it('shows the org, the navigation, the member and where data lives', async () => {
    vi.mocked(api.getState).mockResolvedValue(makeState());
    render(App);
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).getByText('Acme')).toBeInTheDocument();
    expect(within(nav).getByRole('link', { name: 'Home' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('link', { name: 'Settings' })).toBeInTheDocument();
    expect(within(nav).getByText('Dana (Owner)')).toBeInTheDocument();
    // Home's code loads when it is first shown
    expect(await screen.findByText(/GNOME Keyring or KWallet/)).toBeInTheDocument();
    // no file path on Home: the data folder's path holds the OS user name
    expect(screen.queryByText(/\/home\/dana/)).toBeNull();
    expect(screen.queryByText(/\(.*\(/)).toBeNull();
    expect(screen.getByText(`proofkeys ${makeState().version}`)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to API Keys' })).toBeInTheDocument();
  });

  it("says on Home what proofkeys is, and that a demo's keys are not valid at Proof", async () => {
    vi.mocked(api.getState).mockResolvedValue(makeState({ access: makeAccess({ demo: true }) }));
    render(App);
    expect(await screen.findByText(/your organization's own record of its keys and their settings/)).toBeInTheDocument();
    expect(screen.getByText(/Proof does not accept them/)).toBeInTheDocument();
    expect(screen.queryByText(/real transactions/)).toBeNull();
  });

  it('goes from Settings to API Keys through the settings menu', async () => {
    vi.mocked(api.getState).mockResolvedValue(makeState());
    const user = userEvent.setup();
    render(App);
    await user.click(await screen.findByRole('link', { name: 'Settings' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Organization' })).toBeInTheDocument();
    expect(screen.getByText('org_7H2kQ9')).toBeInTheDocument();
    expect(screen.getByText(/give this ID to your Proof CSM/i)).toBeInTheDocument();

    const menu = screen.getByRole('navigation', { name: 'Settings' });
    await user.click(within(menu).getByRole('link', { name: 'API Keys' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'API Keys' })).toBeInTheDocument();
    expect(within(menu).getByRole('link', { name: 'API Keys' })).toHaveAttribute('aria-current', 'page');
    expect(api.keyPage).toHaveBeenCalledWith(expect.objectContaining({ environment: 'production' }));
  });

  it('has no API Keys item while the org has no API access', async () => {
    history.replaceState(null, '', '#/settings/api-keys');
    vi.mocked(api.getState).mockResolvedValue(makeState({ apiAccess: false }));
    render(App);
    const menu = await screen.findByRole('navigation', { name: 'Settings' });
    expect(within(menu).getByRole('link', { name: 'Organization' })).toBeInTheDocument();
    expect(within(menu).queryByRole('link', { name: 'API Keys' })).not.toBeInTheDocument();
    expect(await screen.findByRole('heading', { level: 1, name: 'Organization' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'API Keys' })).not.toBeInTheDocument();
    expect(api.keyPage).not.toHaveBeenCalled();
  });

  it('explains a failed start and offers to try again', async () => {
    vi.mocked(api.getState)
      .mockRejectedValueOnce({ code: 'in_use', message: 'proofkeys is already open.', hint: 'Switch to the open window.' })
      .mockResolvedValueOnce(makeState());
    const user = userEvent.setup();
    render(App);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('proofkeys is already open.');
    expect(alert).toHaveTextContent('Switch to the open window.');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('navigation', { name: 'Main' })).toBeInTheDocument();
  });
});

describe('a fresh start', () => {
  beforeEach(() => history.replaceState(null, '', location.pathname));

  it('opens on the API Keys page once API access is enabled', async () => {
    vi.mocked(api.getState).mockResolvedValue(makeState({ apiAccess: true }));
    render(App);
    expect(await screen.findByRole('heading', { level: 1, name: 'API Keys' })).toBeInTheDocument();
  });

  it('opens on Home while API access is not enabled', async () => {
    vi.mocked(api.getState).mockResolvedValue(makeState({ apiAccess: false }));
    render(App);
    await screen.findByRole('navigation', { name: 'Main' });
    expect(screen.queryByRole('heading', { level: 1, name: 'API Keys' })).not.toBeInTheDocument();
  });
});
