// The Audit page in plain words: no action codes or member IDs, "Someone" for an event by
// nobody known, and the anchor explained with a Copy button.
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import * as api from '../lib/api';
import type { AuditView } from '../lib/types';
import Audit from './Audit.svelte';

vi.mock('../lib/api', () => import('../test/api-mock'));

const anchor = 'cd'.repeat(32);
const log: AuditView = {
  events: [
    { seq: 3, time: '2026-11-27T11:00:00Z', actor: '', actorName: '', action: 'member.signin_failed',
      detail: 'tried to sign in as Tess (mem_A7fK29x)' },
    { seq: 2, time: '2026-11-27T10:30:00Z', actor: 'mem_1', actorName: 'Dana', action: 'key.delete_exposed',
      keyName: 'Salesforce sync' },
    { seq: 1, time: '2026-11-27T10:00:00Z', actor: 'mem_1', actorName: 'Dana', action: 'member.signin',
      detail: 'Dana (mem_1)' },
  ],
  matched: 3,
  intact: true,
  anchor,
  members: [{ value: 'mem_1', label: 'Dana' }, { value: '', label: '' }],
  keys: [],
  actions: ['key.delete_exposed', 'member.signin', 'member.signin_failed'],
};

describe('Audit page', () => {
  it('shows no internal codes or IDs, and a failed sign-in as Someone', async () => {
    vi.mocked(api.listAudit).mockResolvedValue(log);
    render(Audit);
    expect(await screen.findByRole('cell', { name: 'Tried to sign in with a wrong passphrase' })).toBeInTheDocument();
    expect(screen.getByRole('cell', { name: 'Someone' })).toBeInTheDocument();
    expect(screen.getByRole('cell', { name: 'tried to sign in as Tess' })).toBeInTheDocument();
    expect(screen.getByRole('cell', { name: 'Deleted an exposed key at once' })).toBeInTheDocument();
    const table = screen.getByRole('table');
    expect(table).not.toHaveTextContent(/mem_|member\.|key\.delete/);
    const filterOptions = Array.from(document.querySelectorAll('#audit-action option, #audit-member option'));
    expect(filterOptions.map((o) => o.textContent)).not.toContain('member.signin');
    expect(filterOptions.map((o) => o.getAttribute('value')).filter((v) => v === '')).toHaveLength(2);
  });

  it('explains the anchor in plain words and copies it', async () => {
    vi.mocked(api.listAudit).mockResolvedValue(log);
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
