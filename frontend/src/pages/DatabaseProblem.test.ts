import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as api from '../lib/api';
import { AppError } from '../lib/errors';
import type { SnapshotView } from '../lib/types';
import { makeState } from '../test/fixtures';
import OrphanOffer from '../parts/OrphanOffer.svelte';
import DatabaseProblem from './DatabaseProblem.svelte';

vi.mock('../lib/api', () => import('../test/api-mock'));

const error = new AppError('database_unreadable', 'proofkeys cannot read its data file.');
const holding = (name: string, taken: string, keys: number, events: number, newestEvent: string): SnapshotView => ({
  name, taken, size: 1, readable: true, orgName: 'Acme', keys, events, newestEvent,
});
const snapshots: SnapshotView[] = [
  { name: 'proofkeys-20261129T100000Z.db', taken: '2026-11-29T10:00:00Z', size: 1, readable: false,
    problem: 'The file is cut short.', orgName: '', keys: 0, events: 0 },
  holding('proofkeys-20261128T100000Z.db', '2026-11-28T10:00:00Z', 12, 340, '2026-11-28T09:00:00Z'),
  holding('proofkeys-20261120T100000Z.db', '2026-11-20T10:00:00Z', 1, 1, '2026-11-20T09:00:00Z'),
];

describe('Database problem screen', () => {
  beforeEach(() => {
    vi.mocked(api.listSnapshots).mockResolvedValue(snapshots);
    vi.mocked(api.restoreSnapshot).mockResolvedValue(makeState());
  });

  it('lists every snapshot with what it holds; a damaged one cannot be chosen', async () => {
    render(DatabaseProblem, { error, onrestored: vi.fn() });
    const group = await screen.findByRole('group', { name: 'Choose a snapshot' });
    const radios = within(group).getAllByRole('radio');
    expect(radios).toHaveLength(2);
    expect(radios[0]).toBeChecked();
    expect(radios[0]).toHaveAccessibleName(/Acme — 12 keys, 340 events, newest Nov 28, 2026/);
    expect(radios[1]).toHaveAccessibleName(/Acme — 1 key, 1 event, newest Nov 20, 2026/);
    expect(within(group).getByText(/Damaged: it cannot be restored. The file is cut short./)).toBeInTheDocument();
  });

  it('restores the chosen snapshot only after the person confirms', async () => {
    const user = userEvent.setup();
    const onrestored = vi.fn();
    render(DatabaseProblem, { error, onrestored });
    await user.click(await screen.findByRole('radio', { name: /1 key, 1 event/ }));
    await user.click(screen.getByRole('button', { name: 'Restore this snapshot…' }));
    expect(api.restoreSnapshot).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Yes, restore it' }));
    expect(api.restoreSnapshot).toHaveBeenCalledWith('proofkeys-20261120T100000Z.db', false);
    await waitFor(() => expect(onrestored).toHaveBeenCalled());
  });

  it('a snapshot that holds less is refused next to it, and restored anyway after a second yes', async () => {
    vi.mocked(api.restoreSnapshot).mockRejectedValueOnce(
      new AppError('restore_loses', 'This snapshot holds less than the data it would replace.', 'It lacks 11 keys.'),
    );
    const user = userEvent.setup();
    const onrestored = vi.fn();
    render(DatabaseProblem, { error, onrestored });
    const older = await screen.findByRole('radio', { name: /1 key, 1 event/ });
    await user.click(older);
    await user.click(screen.getByRole('button', { name: 'Restore this snapshot…' }));
    await user.click(screen.getByRole('button', { name: 'Yes, restore it' }));
    const item = older.closest('li')!;
    expect(await within(item).findByRole('alert')).toHaveTextContent('It lacks 11 keys.');
    expect(onrestored).not.toHaveBeenCalled();
    await user.click(within(item).getByRole('button', { name: 'Restore it anyway…' }));
    expect(api.restoreSnapshot).toHaveBeenCalledTimes(1);
    await user.click(within(item).getByRole('button', { name: 'Yes, restore it anyway' }));
    expect(api.restoreSnapshot).toHaveBeenLastCalledWith('proofkeys-20261120T100000Z.db', true);
    await waitFor(() => expect(onrestored).toHaveBeenCalled());
  });

  it('says what to do when no snapshot reads', async () => {
    vi.mocked(api.listSnapshots).mockResolvedValue([snapshots[0]]);
    render(DatabaseProblem, { error, onrestored: vi.fn() });
    expect(await screen.findByText(/No readable daily snapshot was found/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Restore/ })).toBeNull();
  });
});

describe('After a restore: secrets found in the vault', () => {
  it('offers back the keys no record names', async () => {
    vi.mocked(api.listOrphans).mockResolvedValue({
      listable: true,
      orphans: [
        { keyId: 'key_1', label: 'Billing (production)', environment: 'production', reattachable: true },
        { keyId: 'key_2', label: 'Proof API key …Nw01', environment: 'sandbox', reattachable: false },
      ],
    });
    vi.mocked(api.reattachOrphans).mockResolvedValue({ reattached: 1, recreated: 1 });
    const user = userEvent.setup();
    const onreattached = vi.fn();
    render(OrphanOffer, { onreattached });
    await user.click(await screen.findByRole('button', { name: 'Bring back 2 keys found in the vault' }));
    expect(api.reattachOrphans).toHaveBeenCalledTimes(1);
    expect(await screen.findByRole('status')).toHaveTextContent('Brought back 2 keys found in the vault.');
    expect(onreattached).toHaveBeenCalled();
    expect(screen.queryByRole('button', { name: /Bring back/ })).toBeNull();
  });

  it('shows nothing when every secret has its record', async () => {
    vi.mocked(api.listOrphans).mockResolvedValue({ listable: true, orphans: [] });
    render(OrphanOffer, { onreattached: vi.fn() });
    await waitFor(() => expect(api.listOrphans).toHaveBeenCalled());
    expect(screen.queryByRole('button', { name: /Bring back/ })).toBeNull();
  });
});
