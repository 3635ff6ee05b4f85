// Members, sign-in, enablement and troubleshooting, with the Go side mocked.
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import App from '../App.svelte';
import * as api from '../lib/api';
import { AppError } from '../lib/errors';
import type { EnablementView, Member, MemberListView } from '../lib/types';
import { keysPage, makeAccess, makeState } from '../test/fixtures';
import OrgEnablement from '../parts/OrgEnablement.svelte';
import ErrorAlert from '../ui/ErrorAlert.svelte';
import Members from './Members.svelte';
import SignIn from './SignIn.svelte';
import Troubleshooting from './Troubleshooting.svelte';

vi.mock('../lib/api', () => import('../test/api-mock'));

const dana: Member = { id: 'mem_1', name: 'Dana', email: 'dana@acme.test', role: 'owner' };
const tess: Member = { id: 'mem_2', name: 'Tess', email: 'tess@acme.test', role: 'team_member' };

function listed(m: Member, over: Partial<MemberListView> = {}): MemberListView {
  return { ...m, manageApiKeys: false, canManageKeys: m.role !== 'team_member', hasPassphrase: true, createdAt: '2026-11-02T10:00:00Z', ...over };
}

const noEnablement: EnablementView = {
  apiAccess: false,
  payerInvoice: false,
  payerOrganization: false,
  demo: false,
  current: [],
  history: [],
  roots: [{ id: 'root_1', name: 'Proof root 2026', demo: false }],
  revokedCerts: [],
  legacyStaffKeys: [],
  newCodeFormNotice: false,
};

beforeEach(() => {
  history.replaceState(null, '', '#/home');
  vi.mocked(api.keyPage).mockImplementation(keysPage([]));
  vi.mocked(api.getPolicies).mockResolvedValue({ rotationDays: 90, clipboardClearSeconds: 30 });
  vi.mocked(api.getEnablement).mockResolvedValue(noEnablement);
});

describe('a new organization', () => {
  it('has no API Keys item and says Proof enables it, with the Organization ID', async () => {
    vi.mocked(api.getState).mockResolvedValue(makeState({ apiAccess: false, canManageKeys: false }));
    history.replaceState(null, '', '#/settings/organization');
    render(App);
    const menu = await screen.findByRole('navigation', { name: 'Settings' });
    expect(within(menu).queryByRole('link', { name: 'API Keys' })).toBeNull();
    expect(within(menu).getByRole('link', { name: 'Members' })).toBeInTheDocument();
    expect(within(menu).getByRole('link', { name: 'Troubleshooting' })).toBeInTheDocument();
    // the Organization page's code loads when it is first shown
    await screen.findByRole('heading', { level: 1, name: 'Organization' });
    const notice = document.getElementById('no-api-access');
    expect(notice).toHaveTextContent('Proof enables API access');
    expect(notice).toHaveTextContent('Customer Success Manager (CSM) or Sales representative');
    expect(notice).toHaveTextContent('org_7H2kQ9');
  });

  it('shows API Keys once a pasted code is applied', async () => {
    vi.mocked(api.getState)
      .mockResolvedValueOnce(makeState({ apiAccess: false, canManageKeys: false }))
      .mockResolvedValue(makeState({ apiAccess: true }));
    vi.mocked(api.applyEnablementCode).mockResolvedValue({
      ...noEnablement,
      apiAccess: true,
      current: [
        {
          grant: 'api_access',
          enabled: true,
          issuedBy: 'Sam at Proof',
          keyId: 'stk_1',
          certId: 'cert_1',
          issuedAt: '2026-11-02T10:00:00Z',
          appliedAt: '2026-11-02T10:05:00Z',
          appliedBy: 'Dana',
        },
      ],
    });
    history.replaceState(null, '', '#/settings/organization');
    const user = userEvent.setup();
    render(App);
    await user.type(await screen.findByLabelText('Enablement code from Proof'), 'PKEN2.abc.def');
    await user.click(screen.getByRole('button', { name: 'Apply code' }));
    expect(api.applyEnablementCode).toHaveBeenCalledWith('PKEN2.abc.def');
    const menu = screen.getByRole('navigation', { name: 'Settings' });
    expect(await within(menu).findByRole('link', { name: 'API Keys' })).toBeInTheDocument();
    expect(screen.getByText(/by Sam at Proof/)).toBeInTheDocument();
  });

  it("shows why a code was refused, with a link to the matching troubleshooting case", async () => {
    vi.mocked(api.applyEnablementCode).mockRejectedValue(
      new AppError(
        'code_other_org',
        'This code is for another organization. It was made for organization Globex by Sam at Proof.',
        'Give your CSM the Organization ID.',
      ),
    );
    const user = userEvent.setup();
    render(OrgEnablement, { view: makeState({ apiAccess: false }), onstale: vi.fn() });
    await user.type(await screen.findByLabelText('Enablement code from Proof'), 'PKEN2.x.y');
    await user.click(screen.getByRole('button', { name: 'Apply code' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This code is for another organization.');
    expect(alert).toHaveTextContent('It was made for organization Globex by Sam at Proof.');
    // next to the field it is about: inside the form, right after the code field's help
    expect(screen.getByLabelText('Enablement code from Proof').closest('form')).toContainElement(alert);
    expect(screen.getByLabelText('Enablement code from Proof')).toHaveAttribute('aria-invalid', 'true');
    expect(within(alert).getByRole('link', { name: 'More help: Troubleshooting' })).toHaveAttribute(
      'href',
      '#/settings/troubleshooting/no-api-keys',
    );
  });

  it('does not offer to apply codes to a team member', async () => {
    const view = makeState({
      me: tess,
      access: makeAccess({ canApplyEnablement: false, grantors: ['Dana', 'Ari'] }),
    });
    render(OrgEnablement, { view, onstale: vi.fn() });
    expect(await screen.findByText(/Ask Dana or Ari/)).toBeInTheDocument();
    expect(screen.queryByLabelText('Enablement code from Proof')).toBeNull();
    expect(screen.queryByLabelText('Staff public key')).toBeNull();
  });
});

describe('enablement by one code', () => {
  it('has no control to trust a key: shows the Proof roots, withdrawn certificates and old hand-trusted keys as a record', async () => {
    vi.mocked(api.getEnablement).mockResolvedValue({
      ...noEnablement,
      roots: [
        { id: 'root_1', name: 'Proof root 2026', demo: false },
        { id: 'root_d', name: 'Demo root', demo: true },
      ],
      revokedCerts: ['cert_9', 'cert_10'],
      legacyStaffKeys: [{ id: 'stk_old', name: 'Old Sam', addedAt: '2026-01-05T10:00:00Z' }],
    });
    vi.mocked(api.getState).mockResolvedValue(makeState());
    history.replaceState(null, '', '#/settings/organization');
    render(App);
    expect(await screen.findByText('Proof root 2026')).toBeInTheDocument();
    expect(screen.getByText(/Demo root/)).toHaveTextContent('DEMO');
    expect(screen.getByText(/Proof has withdrawn 2 CSM certificates/)).toBeInTheDocument();
    expect(screen.getByText(/Old Sam, added/)).toBeInTheDocument();
    expect(screen.getByText(/kept as a record only/)).toBeInTheDocument();
    expect(screen.getByText(/starts with PKEN2/)).toBeInTheDocument();
    // nothing to add trust with: no field for a staff key, no button that trusts or untrusts
    expect(screen.queryByLabelText(/staff (public )?key/i)).toBeNull();
    expect(screen.queryByLabelText(/whose key/i)).toBeNull();
    expect(screen.queryByRole('button', { name: /trust/i })).toBeNull();
    // the one field of what Proof enables (the Owner's field for a server's code is elsewhere)
    expect(within(screen.getByRole('region', { name: 'Enabled by Proof' })).getAllByRole('textbox')).toHaveLength(1);
  });

  it('tells an owner once that codes now come in one piece, until Got it', async () => {
    vi.mocked(api.getEnablement).mockResolvedValue({ ...noEnablement, newCodeFormNotice: true });
    vi.mocked(api.dismissNewCodeFormNotice).mockResolvedValue({ ...noEnablement, newCodeFormNotice: false });
    const user = userEvent.setup();
    render(OrgEnablement, { view: makeState(), onstale: vi.fn() });
    expect(await screen.findByText('Codes now come in one piece from your CSM.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Got it' }));
    expect(api.dismissNewCodeFormNotice).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(screen.queryByText('Codes now come in one piece from your CSM.')).toBeNull());
  });

  it('does not show the notice to a member who cannot apply codes', async () => {
    vi.mocked(api.getEnablement).mockResolvedValue({ ...noEnablement, newCodeFormNotice: true });
    render(OrgEnablement, { view: makeState({ me: tess, access: makeAccess({ canApplyEnablement: false }) }), onstale: vi.fn() });
    expect(await screen.findByText('Proof root 2026')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Got it' })).toBeNull();
  });

  it('copies the Organization ID with a Copy button next to it', async () => {
    vi.mocked(api.getState).mockResolvedValue(makeState({ apiAccess: false, canManageKeys: false }));
    vi.mocked(api.copyText).mockResolvedValue();
    history.replaceState(null, '', '#/settings/organization');
    const user = userEvent.setup();
    render(App);
    await user.click(await screen.findByRole('button', { name: 'Copy the Organization ID' }));
    expect(api.copyText).toHaveBeenCalledWith('org_7H2kQ9');
    expect(await screen.findByText('Copied')).toBeInTheDocument();
  });
});

describe('sign-in', () => {
  it('opens on the sign-in screen with several members and signs in with the passphrase', async () => {
    const access = makeAccess({ signInRequired: true, signInChoices: [dana, tess] });
    vi.mocked(api.getState).mockResolvedValue(makeState({ needsSignIn: true, me: { ...dana, id: '' }, access }));
    vi.mocked(api.signIn)
      .mockRejectedValueOnce(new AppError('wrong_passphrase', 'That passphrase is not right.', 'Check Caps Lock.'))
      .mockResolvedValue(makeState({ me: tess, access: makeAccess({ signInRequired: true }) }));
    const user = userEvent.setup();
    render(App);
    expect(await screen.findByRole('heading', { name: 'Sign in to Acme' })).toBeInTheDocument();
    await user.click(screen.getByLabelText('Tess (Team member)'));
    await user.type(screen.getByLabelText('Passphrase'), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('That passphrase is not right.');
    expect(screen.getByLabelText('Passphrase')).toHaveValue('');

    await user.type(screen.getByLabelText('Passphrase'), 'correct horse');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(api.signIn).toHaveBeenLastCalledWith('mem_2', 'correct horse');
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('button', { name: 'Lock' })).toBeInTheDocument();
  });

  it('locks with the Lock button', async () => {
    vi.mocked(api.getState).mockResolvedValue(makeState({ access: makeAccess({ signInRequired: true }) }));
    vi.mocked(api.lock).mockResolvedValue(
      makeState({ needsSignIn: true, access: makeAccess({ signInRequired: true, signInChoices: [dana] }) }),
    );
    const user = userEvent.setup();
    render(App);
    await user.click(await screen.findByRole('button', { name: 'Lock' }));
    expect(await screen.findByRole('heading', { name: 'Sign in to Acme' })).toBeInTheDocument();
  });

  it('has no Lock button when there is nothing to lock', async () => {
    vi.mocked(api.getState).mockResolvedValue(makeState());
    render(App);
    await screen.findByRole('navigation', { name: 'Main' });
    expect(screen.queryByRole('button', { name: 'Lock' })).toBeNull();
  });

  it('requires choosing a member first', async () => {
    const user = userEvent.setup();
    const view = makeState({ needsSignIn: true, access: makeAccess({ signInChoices: [dana, tess] }) });
    render(SignIn, { view, onready: vi.fn() });
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Choose your name first.');
    expect(api.signIn).not.toHaveBeenCalled();
  });
});

describe('members', () => {
  it('lets an owner change roles and grants', async () => {
    vi.mocked(api.listMembers).mockResolvedValue([listed(dana), listed(tess)]);
    vi.mocked(api.changeMember).mockResolvedValue(listed(tess, { manageApiKeys: true }));
    const onstale = vi.fn();
    const user = userEvent.setup();
    render(Members, { view: makeState({ access: makeAccess({ hasPassphrase: true }) }), onstale });
    await user.click(await screen.findByRole('checkbox', { name: 'Manage API keys for Tess' }));
    expect(api.changeMember).toHaveBeenCalledWith('mem_2', 'team_member', true);
    expect(await screen.findByRole('status')).toHaveTextContent("Saved Tess's role.");
    expect(onstale).toHaveBeenCalled();
  });

  it('shows a team member the list without the controls, and whom to ask', async () => {
    vi.mocked(api.listMembers).mockResolvedValue([listed(dana), listed(tess)]);
    const view = makeState({ me: tess, canManageKeys: false, access: makeAccess({ canManageMembers: false, grantors: ['Dana'] }) });
    render(Members, { view, onstale: vi.fn() });
    expect(await screen.findByText('Tess (you)')).toBeInTheDocument();
    expect(screen.getByText(/Only owners and admins add or remove members/)).toHaveTextContent('Ask Dana.');
    expect(screen.queryByRole('combobox', { name: 'Role of Dana' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Add member' })).toBeNull();
  });

  it('adds a member with a first passphrase and shows field errors from Go', async () => {
    vi.mocked(api.listMembers).mockResolvedValue([listed(dana)]);
    vi.mocked(api.addMember).mockRejectedValueOnce(
      new AppError('invalid', 'Some fields need your attention.', 'Fix them.', { email: 'A member with this email address already exists.' }),
    );
    const user = userEvent.setup();
    render(Members, { view: makeState({ access: makeAccess({ hasPassphrase: true }) }), onstale: vi.fn() });
    await user.type(await screen.findByLabelText('Name'), 'Sam');
    await user.type(screen.getByLabelText('Email'), 'dana@acme.test');
    await user.type(screen.getByLabelText('First passphrase'), 'a long passphrase');
    await user.click(screen.getByRole('button', { name: 'Add member' }));
    expect(api.addMember).toHaveBeenCalledWith({
      name: 'Sam',
      email: 'dana@acme.test',
      role: 'team_member',
      manageApiKeys: false,
      passphrase: 'a long passphrase',
    });
    expect(await screen.findByText('A member with this email address already exists.')).toBeInTheDocument();
  });
});

describe('troubleshooting', () => {
  it("answers the article's four cases from Go's checks", async () => {
    vi.mocked(api.troubleshoot).mockResolvedValue({
      apiAccess: false,
      demo: false,
      enablement: [],
      orgId: 'org_7H2kQ9',
      role: 'team_member',
      manageApiKeys: false,
      canManageKeys: false,
      grantors: ['Dana', 'Ari'],
      vaultBackend: 'secret-service',
      vaultAnswers: true,
    });
    render(Troubleshooting, { view: makeState({ me: tess }) });
    expect(await screen.findByText('API access is not enabled for your organization yet.')).toBeInTheDocument();
    expect(screen.getByText(/Ask Dana or Ari to give you Manage API keys/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Check a key' })).toHaveAttribute('href', '#/settings/check-key');
    expect(screen.getByRole('heading', { name: 'A key was exposed' })).toBeInTheDocument();
    expect(screen.getByText('Replace now and delete the old key').tagName).toBe('STRONG');
  });

  it('saves the support bundle where the person chose', async () => {
    vi.mocked(api.troubleshoot).mockResolvedValue({
      apiAccess: true,
      demo: false,
      enablement: [],
      orgId: 'org_1',
      role: 'owner',
      manageApiKeys: false,
      canManageKeys: true,
      grantors: ['Dana'],
      vaultBackend: 'secret-service',
      vaultAnswers: true,
    });
    vi.mocked(api.saveSupportBundle).mockResolvedValue({ path: '/home/dana/bundle.json' });
    const user = userEvent.setup();
    render(Troubleshooting, { view: makeState() });
    await user.click(await screen.findByRole('button', { name: 'Save support bundle…' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Saved the support bundle to /home/dana/bundle.json.');
  });
});

describe('error links', () => {
  it('links a permission error to its case, and not every error', () => {
    const { rerender } = render(ErrorAlert, {
      error: new AppError('forbidden', "You don't have permission to manage API keys.", 'Ask an owner.'),
    });
    expect(screen.getByRole('link', { name: 'More help: Troubleshooting' })).toHaveAttribute(
      'href',
      '#/settings/troubleshooting/cannot-generate',
    );
    rerender({ error: new AppError('invalid', 'Some fields need your attention.', 'Fix them.') });
    expect(screen.queryByRole('link')).toBeNull();
  });
});
