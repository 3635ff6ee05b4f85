import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import App from '../App.svelte';
import ApiKeys from './ApiKeys.svelte';
import Audit from './Audit.svelte';
import Members from './Members.svelte';
import Organization from './Organization.svelte';
import * as api from '../lib/api';
import type { StateView } from '../lib/types';
import { asListed, keysPage, makeAccess, makeKey, makeState } from '../test/fixtures';

vi.mock('../lib/api', () => import('../test/api-mock'));

const code = 'proofkeys-invite-1:eyJlbmRwb2ludHMiOlsiMTI3LjAuMC4xOjIzNzkiXX0';

beforeEach(() => {
  history.replaceState(null, '', '#/home');
  vi.mocked(api.keyPage).mockImplementation(keysPage([]));
});

describe('joining a shared organization on the first screen', () => {
  beforeEach(() => {
    vi.mocked(api.getState).mockResolvedValue(
      makeState({ needsSetup: true, orgId: '', orgName: '', me: { id: '', name: '', email: '', role: 'owner' } }),
    );
  });

  it('joins with the pasted code, from the keyboard, and opens the app as the member it names', async () => {
    vi.mocked(api.joinShared).mockResolvedValue(
      makeState({ shared: true, me: { id: 'mem_2', name: 'Ben', email: 'ben@acme.test', role: 'team_member' } }),
    );
    const user = userEvent.setup();
    render(App);

    await user.click(await screen.findByRole('button', { name: 'Join a shared organization' }));
    expect(screen.getByRole('heading', { name: 'Join a shared organization' })).toBeInTheDocument();
    const field = screen.getByLabelText('Invite code');
    expect(field).toHaveFocus();
    expect(field).toHaveAccessibleDescription('It starts with proofkeys-invite-1: and works once.');
    await user.paste(`  ${code}\n`);
    await user.keyboard('{Enter}');

    expect(api.joinShared).toHaveBeenCalledWith(code);
    expect(api.setUp).not.toHaveBeenCalled();
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).getByText('Ben (Team member)')).toBeInTheDocument();
  });

  it('says what went wrong next to the field, keeps the code and puts the focus back on it', async () => {
    vi.mocked(api.joinShared).mockRejectedValue({
      code: 'invite_used',
      message: 'This invite code was already used, or the server does not know it.',
      hint: 'Each code joins one computer once. Ask an Owner or Admin for a new one.',
    });
    const user = userEvent.setup();
    render(App);
    await user.click(await screen.findByRole('button', { name: 'Join a shared organization' }));
    await user.type(screen.getByLabelText('Invite code'), 'proofkeys-invite-1:used');
    await user.click(screen.getByRole('button', { name: 'Join organization' }));

    const field = screen.getByLabelText('Invite code');
    await vi.waitFor(() => expect(field).toHaveAttribute('aria-invalid', 'true'));
    expect(field).toHaveAccessibleDescription(
      expect.stringContaining('This invite code was already used, or the server does not know it. Each code joins'),
    );
    expect(field).toHaveFocus();
    expect(field).toHaveValue('proofkeys-invite-1:used');
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.getByLabelText('Organization name')).toHaveFocus();
    expect(screen.getByLabelText('Organization name')).not.toHaveAttribute('aria-invalid');
  });

  it('shows that it is joining while the organization is copied', async () => {
    let finish: (v: StateView) => void = () => {};
    vi.mocked(api.joinShared).mockReturnValue(new Promise((resolve) => (finish = resolve)));
    const user = userEvent.setup();
    render(App);
    await user.click(await screen.findByRole('button', { name: 'Join a shared organization' }));
    await user.type(screen.getByLabelText('Invite code'), code);
    await user.click(screen.getByRole('button', { name: 'Join organization' }));

    expect(await screen.findByText('Joining the organization…', {}, { timeout: 5000 })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Join organization' }));
    expect(api.joinShared).toHaveBeenCalledTimes(1);
    finish(makeState({ shared: true }));
    expect(await screen.findByRole('navigation', { name: 'Main' })).toBeInTheDocument();
  });

  it('shows user text from the error as text, never as markup', async () => {
    vi.mocked(api.joinShared).mockRejectedValue({
      code: 'unexpected',
      message: 'Something went wrong: <b>bold</b>',
      hint: 'Try again.',
    });
    const user = userEvent.setup();
    render(App);
    await user.click(await screen.findByRole('button', { name: 'Join a shared organization' }));
    await user.type(screen.getByLabelText('Invite code'), code);
    await user.click(screen.getByRole('button', { name: 'Join organization' }));

    expect(await screen.findByText(/Something went wrong: <b>bold<\/b>/)).toBeInTheDocument();
    expect(document.querySelector('b')).toBeNull();
  });
});

describe("another computer's change", () => {
  it('reloads the keys and the frame the page shows', async () => {
    const listeners: (() => void)[] = [];
    vi.mocked(api.onOrgChanged).mockImplementation((listener) => {
      listeners.push(listener);
      return () => listeners.splice(listeners.indexOf(listener), 1);
    });
    vi.mocked(api.getState).mockResolvedValue(makeState({ shared: true }));
    history.replaceState(null, '', '#/settings/api-keys');
    render(App);
    expect(await screen.findByText(/No production keys yet/)).toBeInTheDocument();

    vi.mocked(api.keyPage).mockImplementation(keysPage([asListed(makeKey())]));
    vi.mocked(api.getState).mockResolvedValue(makeState({ shared: true, orgName: 'Acme Corp' }));
    for (const listener of [...listeners]) listener();

    expect(await screen.findByText('Salesforce sync')).toBeInTheDocument();
    expect(await screen.findByText('Acme Corp')).toBeInTheDocument();
    expect(api.getState).toHaveBeenCalledTimes(2);
  });
});

describe("an Owner's organization goes to its server", () => {
  beforeEach(() => {
    vi.mocked(api.getEnablement).mockResolvedValue({
      apiAccess: true,
      payerInvoice: false,
      payerOrganization: false,
      demo: false,
      current: [],
      history: [],
      roots: [],
      revokedCerts: [],
      legacyStaffKeys: [],
      newCodeFormNotice: false,
    });
  });

  it('moves with the code the server printed, then says it is shared', async () => {
    vi.mocked(api.moveToServer).mockResolvedValue(makeState({ shared: true }));
    const onstale = vi.fn();
    const user = userEvent.setup();
    const { rerender } = render(Organization, { view: makeState(), onstale });

    await user.click(screen.getByRole('button', { name: 'Move this organization to a server' }));
    await user.type(screen.getByLabelText('Invite code from the server'), ` ${code} `);
    await user.click(screen.getByRole('button', { name: 'Move to the server' }));

    expect(api.moveToServer).toHaveBeenCalledWith(code);
    expect(onstale).toHaveBeenCalled();
    await rerender({ view: makeState({ shared: true }), onstale });
    expect(screen.getByText(/This organization is shared through its server/)).toBeInTheDocument();
    expect(screen.queryByLabelText('Invite code from the server')).toBeNull();
  });

  it('says why a code was refused, under the field', async () => {
    vi.mocked(api.moveToServer).mockRejectedValue({
      code: 'invite_member_code',
      message: 'This invite code is for a member joining from their own computer.',
      hint: 'To move your organization, paste the code the server printed when it started.',
    });
    const user = userEvent.setup();
    render(Organization, { view: makeState(), onstale: vi.fn() });
    await user.click(screen.getByRole('button', { name: 'Move this organization to a server' }));
    const field = screen.getByLabelText('Invite code from the server');
    await user.type(field, code);
    await user.click(screen.getByRole('button', { name: 'Move to the server' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('This invite code is for a member joining');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveValue(code);
  });

  it('is offered to Owners only', () => {
    render(Organization, {
      view: makeState({ me: { id: 'mem_2', name: 'Ada', email: 'ada@acme.test', role: 'admin' } }),
      onstale: vi.fn(),
    });
    expect(screen.queryByRole('button', { name: 'Move this organization to a server' })).toBeNull();
    expect(screen.getByText(/Its Owner can share it through a server/)).toBeInTheDocument();
  });
});

describe('invite codes on the Members page', () => {
  const member = (id: string, name: string, role: 'owner' | 'team_member') => ({
    id,
    name,
    email: `${name.toLowerCase()}@acme.test`,
    role,
    manageApiKeys: false,
    canManageKeys: role === 'owner',
    hasPassphrase: true,
    createdAt: '2026-11-02T10:00:00Z',
  });

  beforeEach(() => {
    vi.mocked(api.listMembers).mockResolvedValue([member('mem_1', 'Dana', 'owner'), member('mem_2', 'Ben', 'team_member')]);
  });

  it("makes a member's one-time code and shows it with its copy button", async () => {
    vi.mocked(api.inviteCode).mockResolvedValue({ code: 'proofkeys-invite-1:for-ben', expires: '2026-12-01T10:00:00Z' });
    const user = userEvent.setup();
    render(Members, { view: makeState({ shared: true }), onstale: vi.fn() });

    await user.selectOptions(await screen.findByLabelText('Member'), 'Ben');
    await user.click(screen.getByRole('button', { name: 'Make invite code' }));

    expect(api.inviteCode).toHaveBeenCalledWith('mem_2');
    expect(await screen.findByText('proofkeys-invite-1:for-ben')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy the invite code for Ben' })).toBeInTheDocument();
  });

  it('is not there for an organization on one computer, nor for members who cannot manage members', async () => {
    const { unmount } = render(Members, { view: makeState(), onstale: vi.fn() });
    expect(await screen.findByRole('rowheader', { name: 'Ben' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Make invite code' })).toBeNull();
    unmount();
    render(Members, {
      view: makeState({ shared: true, access: makeAccess({ canManageMembers: false }) }),
      onstale: vi.fn(),
    });
    expect(await screen.findByRole('rowheader', { name: 'Ben' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Make invite code' })).toBeNull();
  });
});

describe('what a shared organization flags', () => {
  it('offers to replace a key a former member could copy', async () => {
    const key = asListed(makeKey({ exposed: true }));
    vi.mocked(api.keyPage).mockImplementation(keysPage([key, asListed(makeKey({ id: 'key_2', settings: { name: 'Nightly script' } }))]));
    vi.mocked(api.keySettings).mockResolvedValue(makeKey().settings!);
    const user = userEvent.setup();
    render(ApiKeys, { view: makeState({ shared: true }), onstale: vi.fn() });

    const flags = await screen.findAllByRole('button', { name: /A former member could copy/ });
    expect(flags).toHaveLength(1);
    expect(flags[0]).toHaveAccessibleName('A former member could copy Salesforce sync: replace it');
    expect(flags[0]).toHaveTextContent('Replace: a former member could copy it');
    await user.click(flags[0]);
    expect(await screen.findByRole('dialog')).toBeInTheDocument();
  });

  it('shows an event that failed its check on this computer, with why', async () => {
    vi.mocked(api.listAudit).mockResolvedValue({
      events: [
        { seq: 2, time: '2026-11-27T10:00:00Z', actor: 'mem_2', actorName: 'Ben', action: 'key.delete',
          flag: 'its signature is not its member\'s' },
        { seq: 1, time: '2026-11-27T09:00:00Z', actor: 'mem_1', actorName: 'Dana', action: 'org.setup', detail: 'Acme' },
      ],
      matched: 2,
      offset: 0,
      pageSize: 100,
    });
    vi.mocked(api.auditChain).mockResolvedValue({ intact: true, anchor: 'ab'.repeat(32), events: 2 });
    vi.mocked(api.auditFilters).mockResolvedValue({ members: [], actions: [] });
    vi.mocked(api.searchAuditKeys).mockResolvedValue({ keys: [], total: 0 });
    render(Audit);

    const flagged = await screen.findByText("Failed its check on this computer: its signature is not its member's");
    expect(flagged.closest('tr')).toHaveTextContent('Ben');
    expect(screen.getAllByText(/Failed its check/)).toHaveLength(1);
  });
});
