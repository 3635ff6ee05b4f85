import '@testing-library/jest-dom/vitest';
import '@testing-library/svelte/vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as api from '../lib/api';
import type { AuditView, ChainView } from '../lib/types';
import Audit from './Audit.svelte';

vi.mock('../lib/api', () => import('../test/api-mock'));

/** What the page's status regions say, all together. */
const statusText = () => screen.getAllByRole('status').map((s) => s.textContent).join(' ');

const all = { actor: '', keyId: '', action: '', from: '', to: '' };
const page: AuditView = {
  events: [
    { seq: 2, time: '2026-11-27T10:00:00Z', actor: 'mem_1', actorName: 'Dana', action: 'member.role_change',
      changes: [{ field: 'role', old: 'team_member', new: 'admin' }] },
    { seq: 1, time: '2026-11-27T09:00:00Z', actor: 'mem_1', actorName: 'Dana', action: 'org.setup', detail: 'Acme' },
  ],
  matched: 2,
  offset: 0,
  pageSize: 100,
};
const intact: ChainView = { intact: true, anchor: 'ab'.repeat(32), events: 2 };

// A page of the events numbered from the newest, seq = total - offset - i; pages of 10
// keep the test quick (Go's pages are longer: the page reads pageSize).
function pageOf(total: number, offset: number): AuditView {
  const n = Math.min(10, total - offset);
  const events = Array.from({ length: n }, (_, i) => ({
    seq: total - offset - i, time: '2026-11-27T09:00:00Z', actor: 'mem_1', actorName: 'Dana', action: 'key.copy',
  }));
  return { events, matched: total, offset, pageSize: 10 };
}

describe('Audit log page', () => {
  beforeEach(() => {
    vi.mocked(api.listAudit).mockResolvedValue(page);
    vi.mocked(api.auditChain).mockResolvedValue(intact);
    vi.mocked(api.auditFilters).mockResolvedValue({
      members: [{ value: 'mem_1', label: 'Dana' }],
      actions: ['member.role_change', 'org.setup'],
    });
    vi.mocked(api.searchAuditKeys).mockResolvedValue({ keys: [], total: 0 });
  });

  it('shows any action, a broken chain, and filters in Go', async () => {
    vi.mocked(api.auditChain).mockResolvedValue({ intact: false, broken: "the audit log's chain is broken at event 2", events: 2 });
    const user = userEvent.setup();
    render(Audit);
    expect(await screen.findByRole('alert')).toHaveTextContent('at event 2');
    expect(screen.getByRole('cell', { name: 'Member: role change' })).toBeInTheDocument();
    expect(screen.getByText('Role: Team member → Admin')).toBeInTheDocument();
    await screen.findByRole('option', { name: 'Dana' });
    await user.selectOptions(screen.getByLabelText('Action'), 'org.setup');
    expect(api.listAudit).toHaveBeenLastCalledWith({ ...all, action: 'org.setup' }, 0);
    await user.selectOptions(screen.getByLabelText('Member'), 'mem_1');
    expect(api.listAudit).toHaveBeenLastCalledWith({ ...all, actor: 'mem_1', action: 'org.setup' }, 0);
  });

  it('draws the first page before the chain is checked, then shows the chain', async () => {
    let check: (v: ChainView) => void = () => {};
    vi.mocked(api.auditChain).mockReturnValue(new Promise((resolve) => (check = resolve)));
    render(Audit);
    expect(await screen.findByRole('cell', { name: 'Member: role change' })).toBeInTheDocument();
    expect(screen.getByText('Checking the log…')).toBeInTheDocument();
    check(intact);
    expect(await screen.findByText(/The log is intact/)).toBeInTheDocument();
    expect(screen.getByText(intact.anchor!).tagName).toBe('CODE');
    expect(screen.queryByText('Checking the log…')).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('pages through every event with Previous and Next, and says which', async () => {
    vi.mocked(api.listAudit).mockImplementation(async (_f, offset = 0) => pageOf(1000, offset));
    const user = userEvent.setup();
    render(Audit);
    expect(await screen.findByText('Events 1–10 of 1,000.', { selector: '.count' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Previous' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(api.listAudit).toHaveBeenLastCalledWith(all, 10);
    expect(await screen.findByText('Events 11–20 of 1,000.', { selector: '.count' })).toBeInTheDocument();
    expect(screen.getByRole('cell', { name: '990' })).toBeInTheDocument();
    expect(statusText()).toContain('Events 11–20 of 1,000.');
    expect(screen.getByRole('button', { name: 'Next' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Previous' }));
    expect(api.listAudit).toHaveBeenLastCalledWith(all, 0);
    expect(await screen.findByText('Events 1–10 of 1,000.', { selector: '.count' })).toBeInTheDocument();
    // Previous is disabled on the first page: focus goes to the count, not to the page's body
    expect(screen.getByText('Events 1–10 of 1,000.', { selector: '.count' })).toHaveFocus();
  });

  it('a filter goes back to the first page', async () => {
    vi.mocked(api.listAudit).mockImplementation(async (_f, offset = 0) => pageOf(25, offset));
    const user = userEvent.setup();
    render(Audit);
    await screen.findByText('Events 1–10 of 25.', { selector: '.count' });
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByText('Events 11–20 of 25.', { selector: '.count' });
    await screen.findByRole('option', { name: 'Dana' });
    await user.selectOptions(screen.getByLabelText('Member'), 'mem_1');
    expect(api.listAudit).toHaveBeenLastCalledWith({ ...all, actor: 'mem_1' }, 0);
  });

  it('the key filter is a searchable field with a list of keys', async () => {
    vi.mocked(api.searchAuditKeys).mockImplementation(async (q) => ({
      keys: [
        { value: 'key_2', label: 'Key 2' },
        { value: 'key_10', label: 'Key 10' },
      ].filter((k) => k.label.toLowerCase().includes(q.toLowerCase())),
      total: q ? 2 : 2000,
    }));
    const user = userEvent.setup();
    render(Audit);
    await screen.findByRole('cell', { name: 'Member: role change' });
    const field = screen.getByRole('combobox', { name: 'Key' });
    expect(field).toHaveAttribute('aria-expanded', 'false');
    await user.type(field, 'key');
    expect(field).toHaveAttribute('aria-expanded', 'true');
    const list = screen.getByRole('listbox', { name: 'Keys' });
    await vi.waitFor(() => expect(api.searchAuditKeys).toHaveBeenLastCalledWith('key'));
    await within(list).findByRole('option', { name: 'Key 10' });
    await user.keyboard('{ArrowDown}{ArrowDown}');
    const second = within(list).getByRole('option', { name: 'Key 10' });
    expect(field).toHaveAttribute('aria-activedescendant', second.id);
    expect(second).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{Enter}');
    expect(api.listAudit).toHaveBeenLastCalledWith({ ...all, keyId: 'key_10' }, 0);
    expect(field).toHaveValue('Key 10');
    expect(field).toHaveAttribute('aria-expanded', 'false');
    // emptied, the field is "any key" again
    await user.clear(field);
    expect(api.listAudit).toHaveBeenLastCalledWith(all, 0);
  });

  it('tells keys of the same name apart', async () => {
    vi.mocked(api.searchAuditKeys).mockResolvedValue({
      keys: [
        { value: 'key_a', label: 'Billing' },
        { value: 'key_b', label: 'Billing' },
        { value: 'key_c', label: 'Web' },
      ],
      total: 3,
    });
    const user = userEvent.setup();
    render(Audit);
    await user.click(screen.getByRole('combobox', { name: 'Key' }));
    expect(await screen.findByRole('option', { name: 'Billing (key_a)' })).toBeInTheDocument();
    expect(screen.getByRole('option', { name: 'Billing (key_b)' })).toBeInTheDocument();
    expect(screen.getByRole('option', { name: 'Web' })).toBeInTheDocument();
  });

  it('says how many keys are left out of a long list', async () => {
    vi.mocked(api.searchAuditKeys).mockResolvedValue({ keys: [{ value: 'key_1', label: 'Key 1' }], total: 2000 });
    const user = userEvent.setup();
    render(Audit);
    await user.click(screen.getByRole('combobox', { name: 'Key' }));
    expect(await screen.findByText('1 of 2,000 keys shown: type more of the name to narrow.')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.getByRole('combobox', { name: 'Key' })).toHaveAttribute('aria-expanded', 'false');
  });

  it('exports through the save dialog and says where', async () => {
    vi.mocked(api.exportAudit).mockResolvedValueOnce('/home/dana/audit.csv').mockResolvedValueOnce('');
    const user = userEvent.setup();
    render(Audit);
    await screen.findByRole('cell', { name: 'Member: role change' });
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(api.exportAudit).toHaveBeenCalledWith('csv', expect.objectContaining({ action: '' }));
    expect(statusText()).toContain('Exported the audit log to /home/dana/audit.csv.');
    await user.click(screen.getByRole('button', { name: 'Export JSON' }));
    expect(statusText()).toContain('Export cancelled.');
  });
});

// The Audit page in plain words: no action codes or member IDs, "Someone" for an event by
// nobody known, and the anchor explained with a Copy button.
describe('Audit log page in plain words', () => {
  const anchor = 'cd'.repeat(32);
  const words: AuditView = {
    events: [
      { seq: 3, time: '2026-11-27T11:00:00Z', actor: '', actorName: '', action: 'member.signin_failed',
        detail: 'tried to sign in as Tess (mem_A7fK29x)' },
      { seq: 2, time: '2026-11-27T10:30:00Z', actor: 'mem_1', actorName: 'Dana', action: 'key.delete_exposed',
        keyName: 'Salesforce sync' },
      { seq: 1, time: '2026-11-27T10:00:00Z', actor: 'mem_1', actorName: 'Dana', action: 'member.signin',
        detail: 'Dana (mem_1)' },
    ],
    matched: 3,
    offset: 0,
    pageSize: 100,
  };
  beforeEach(() => {
    vi.mocked(api.listAudit).mockResolvedValue(words);
    vi.mocked(api.auditChain).mockResolvedValue({ intact: true, anchor, events: 3 });
    vi.mocked(api.auditFilters).mockResolvedValue({
      members: [{ value: 'mem_1', label: 'Dana' }, { value: '', label: '' }],
      actions: ['key.delete_exposed', 'member.signin', 'member.signin_failed'],
    });
    vi.mocked(api.searchAuditKeys).mockResolvedValue({ keys: [], total: 0 });
  });

  it('shows no internal codes or IDs, and a failed sign-in as Someone', async () => {
    render(Audit);
    expect(await screen.findByRole('cell', { name: 'Tried to sign in with a wrong passphrase' })).toBeInTheDocument();
    expect(screen.getByRole('cell', { name: 'Someone' })).toBeInTheDocument();
    expect(screen.getByRole('cell', { name: 'tried to sign in as Tess' })).toBeInTheDocument();
    expect(screen.getByRole('cell', { name: 'Deleted an exposed key at once' })).toBeInTheDocument();
    expect(screen.getByRole('table')).not.toHaveTextContent(/mem_|member\.|key\.delete/);
    const options = Array.from(document.querySelectorAll('#audit-action option, #audit-member option'));
    expect(options.map((o) => o.textContent)).not.toContain('member.signin');
    expect(options.map((o) => o.getAttribute('value')).filter((v) => v === '')).toHaveLength(2);
  });

  it('explains the anchor in plain words and copies it', async () => {
    vi.mocked(api.copyText).mockResolvedValue();
    const user = userEvent.setup();
    render(Audit);
    expect(await screen.findByText(/fingerprint of every event so far/)).toBeInTheDocument();
    expect(document.querySelector('.chain')).not.toHaveTextContent(/proofkeys audit|--anchor/);
    await user.click(screen.getByRole('button', { name: 'Copy the anchor' }));
    expect(api.copyText).toHaveBeenCalledWith(anchor);
    expect(await screen.findByText('Copied')).toBeInTheDocument();
  });
});
