// The Members page shows every refusal next to the control that caused it, asks before a
// role changes, asks for a new passphrase twice and shows an Owner's recovery code once;
// the sign-in screen sets a new passphrase with a recovery code.
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as api from '../lib/api';
import { AppError } from '../lib/errors';
import type { Member, MemberListView } from '../lib/types';
import { makeAccess, makeState } from '../test/fixtures';
import Members from './Members.svelte';
import SignIn from './SignIn.svelte';

vi.mock('../lib/api', () => import('../test/api-mock'));

const dana: Member = { id: 'mem_1', name: 'Dana', email: 'dana@acme.test', role: 'owner' };
const tess: Member = { id: 'mem_2', name: 'Tess', email: 'tess@acme.test', role: 'team_member' };
const listed = (m: Member): MemberListView => ({
  ...m,
  manageApiKeys: false,
  canManageKeys: m.role !== 'team_member',
  hasPassphrase: true,
  createdAt: '2026-11-02T10:00:00Z',
});

beforeEach(() => {
  vi.mocked(api.listMembers).mockResolvedValue([listed(dana), listed(tess)]);
});

describe('Members page', () => {
  it('puts the Passphrase section before the Add a member form it unlocks', async () => {
    render(Members, { view: makeState(), onstale: vi.fn() });
    const pass = await screen.findByRole('heading', { name: 'Passphrase' });
    const add = screen.getByRole('heading', { name: 'Add a member' });
    expect(pass.compareDocumentPosition(add) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('shows why Add member was refused right at the form', async () => {
    vi.mocked(api.addMember).mockRejectedValue(
      new AppError('passphrase_first', 'Set your own passphrase before you add members.', 'Set yours under Members.'),
    );
    const user = userEvent.setup();
    render(Members, { view: makeState(), onstale: vi.fn() });
    await user.type(await screen.findByLabelText('Name'), 'Sam');
    await user.type(screen.getByLabelText('Email'), 'sam@acme.test');
    await user.type(screen.getByLabelText('First passphrase'), 'a long passphrase');
    const button = screen.getByRole('button', { name: 'Add member' });
    await user.click(button);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Set your own passphrase before you add members.');
    expect(button.closest('form')).toContainElement(alert);
  });

  it('asks before changing a role, and Cancel leaves the stored role', async () => {
    const user = userEvent.setup();
    render(Members, { view: makeState(), onstale: vi.fn() });
    const role = await screen.findByRole('combobox', { name: 'Role of Tess' });
    await user.selectOptions(role, 'admin');
    const dialog = screen.getByRole('alertdialog', { name: 'Make Tess an Admin?' });
    expect(role).toHaveValue('team_member');
    expect(within(dialog).getByRole('button', { name: 'Change role' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(api.changeMember).not.toHaveBeenCalled();
    expect(role).toHaveValue('team_member');
  });

  it('changes a role once confirmed from the keyboard', async () => {
    vi.mocked(api.changeMember).mockResolvedValue({ ...listed(tess), role: 'admin' });
    const user = userEvent.setup();
    render(Members, { view: makeState(), onstale: vi.fn() });
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Role of Tess' }), 'admin');
    await user.keyboard('{Enter}');
    expect(api.changeMember).toHaveBeenCalledWith('mem_2', 'admin', false);
    expect(await screen.findByText("Saved Tess's role.")).toBeInTheDocument();
  });

  it('shows a refused demotion of the last Owner next to her role, with the stored role and no Saved', async () => {
    vi.mocked(api.changeMember).mockRejectedValue(
      new AppError('last_owner', 'Your organization needs at least one owner.', 'Make another member an owner first.'),
    );
    const user = userEvent.setup();
    render(Members, { view: makeState(), onstale: vi.fn() });
    const role = await screen.findByRole('combobox', { name: 'Role of Dana' });
    await user.selectOptions(role, 'admin');
    await user.click(screen.getByRole('button', { name: 'Change role' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Your organization needs at least one owner.');
    expect(role.closest('td')).toContainElement(alert);
    expect(role).toHaveAccessibleDescription(/needs at least one owner/);
    expect(role).toHaveValue('owner');
    expect(screen.queryByText(/Saved/)).toBeNull();
  });

  it('asks for the new passphrase twice and says so when they differ', async () => {
    const user = userEvent.setup();
    render(Members, { view: makeState(), onstale: vi.fn() });
    await user.type(await screen.findByLabelText('New passphrase'), 'correct horse battery');
    await user.type(screen.getByLabelText('New passphrase again'), 'correct horse batery');
    await user.click(screen.getByRole('button', { name: 'Save passphrase' }));
    expect(screen.getByText(/The two passphrases are not the same/)).toBeInTheDocument();
    expect(api.setPassphrase).not.toHaveBeenCalled();
  });

  it("shows an Owner's recovery code once, and forgets it when stored", async () => {
    vi.mocked(api.setPassphrase).mockResolvedValue({ recoveryCode: 'RC7Q-K2M9-XW4T' });
    const user = userEvent.setup();
    render(Members, { view: makeState(), onstale: vi.fn() });
    await user.type(await screen.findByLabelText('New passphrase'), 'correct horse battery');
    await user.type(screen.getByLabelText('New passphrase again'), 'correct horse battery');
    await user.click(screen.getByRole('button', { name: 'Save passphrase' }));
    expect(api.setPassphrase).toHaveBeenCalledWith('mem_1', '', 'correct horse battery');
    const dialog = await screen.findByRole('alertdialog', { name: 'Your recovery code' });
    expect(within(dialog).getByText('RC7Q-K2M9-XW4T')).toBeInTheDocument();
    const done = within(dialog).getByRole('button', { name: 'Done' });
    expect(done).toBeDisabled();
    await user.keyboard('{Escape}');
    expect(screen.getByRole('alertdialog')).toBeInTheDocument();
    await user.click(within(dialog).getByLabelText('I have stored my recovery code'));
    await user.click(done);
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(document.body).not.toHaveTextContent('RC7Q-K2M9-XW4T');
  });
});

describe('sign-in with a recovery code', () => {
  const view = makeState({ needsSignIn: true, access: makeAccess({ signInChoices: [dana, tess] }) });

  it('sets a new passphrase, shows the next code once, then goes on signed in', async () => {
    const signedIn = makeState({ me: dana });
    vi.mocked(api.recoverPassphrase).mockResolvedValue({ state: signedIn, recoveryCode: 'NEXT-CODE-0001' });
    const onready = vi.fn();
    const user = userEvent.setup();
    render(SignIn, { view, onready });
    await user.click(screen.getByLabelText('Dana (Owner)'));
    await user.click(screen.getByRole('button', { name: 'Use your recovery code' }));
    await user.type(screen.getByLabelText('Recovery code'), ' OLD-CODE-0000 ');
    await user.type(screen.getByLabelText('New passphrase'), 'a new long passphrase');
    await user.type(screen.getByLabelText('New passphrase again'), 'a new long passphrase');
    await user.click(screen.getByRole('button', { name: 'Set passphrase and sign in' }));
    expect(api.recoverPassphrase).toHaveBeenCalledWith('mem_1', 'OLD-CODE-0000', 'a new long passphrase');
    const dialog = await screen.findByRole('alertdialog', { name: 'Your recovery code' });
    expect(dialog).toHaveTextContent('NEXT-CODE-0001');
    expect(onready).not.toHaveBeenCalled();
    await user.click(within(dialog).getByLabelText('I have stored my recovery code'));
    await user.click(within(dialog).getByRole('button', { name: 'Done' }));
    expect(onready).toHaveBeenCalledWith(signedIn);
    expect(document.body).not.toHaveTextContent('NEXT-CODE-0001');
  });

  it('says why a recovery code was refused', async () => {
    vi.mocked(api.recoverPassphrase).mockRejectedValue(
      new AppError('wrong_recovery_code', 'That recovery code is not right.', 'Type the code as it was shown.'),
    );
    const user = userEvent.setup();
    render(SignIn, { view, onready: vi.fn() });
    await user.click(screen.getByLabelText('Dana (Owner)'));
    await user.click(screen.getByRole('button', { name: 'Use your recovery code' }));
    await user.type(screen.getByLabelText('Recovery code'), 'WRONG');
    await user.type(screen.getByLabelText('New passphrase'), 'a new long passphrase');
    await user.type(screen.getByLabelText('New passphrase again'), 'a new long passphrase');
    await user.click(screen.getByRole('button', { name: 'Set passphrase and sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('That recovery code is not right.');
  });
});
