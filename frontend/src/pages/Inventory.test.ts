import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as api from '../lib/api';
import type { InventoryReport } from '../lib/types';
import { makeInventoryRow } from '../test/fixtures';
import Inventory from './Inventory.svelte';

vi.mock('../lib/api', () => import('../test/api-mock'));


const report: InventoryReport = {
  generatedAt: '2026-11-27T10:00:00Z',
  orgId: 'org_5EEDED0RG0002',
  orgName: 'Acme',
  rotationDays: 90,
  auditAnchor: '',
  summary: { total: 3, inUse: 2, active: 2, overdue: 1, dueSoon: 0, expiring: 0, deletedLast30: 1, neverCopied: 1 },
  chart: {
    policyDays: 90,
    bands: [
      { label: '0–29 days', from: 0, to: 30, count: 1, overdue: false },
      { label: '90+ days', from: 90, to: 0, count: 1, overdue: true },
    ],
  },
  keys: [
    makeInventoryRow('key_1', { name: 'Salesforce sync', copyCount: 2, lastCopiedAt: '2026-11-20T00:00:00Z', lastCopiedBy: 'Lee' }),
    makeInventoryRow('key_2', { name: '<img src=x onerror=alert(1)>', rotation: 'overdue', ageDays: 200 }),
    makeInventoryRow('key_3', { name: 'Old script', state: 'deleted', rotation: 'none', deletedAt: '2026-11-01T00:00:00Z', deletedBy: 'Dana' }),
  ],
};

beforeEach(() => {
  vi.mocked(api.getInventory).mockResolvedValue(report);
});

describe('Inventory page', () => {
  it('shows the summary, the chart and every key', async () => {
    render(Inventory);
    expect(await screen.findByText('3 of 3 keys shown')).toBeInTheDocument();
    expect(screen.getByRole('list', { name: 'Summary' })).toHaveTextContent('1 overdue for rotation');
    expect(screen.getByRole('img', { name: /against the rotation policy of 90 days/ })).toBeInTheDocument();
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeInTheDocument();
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getByRole('row', { name: /Salesforce sync/ })).toHaveTextContent('by Lee');
  });

  it('counts keys in use as the chart does, and shows the labels Go gives', async () => {
    const expiring = makeInventoryRow('key_4', {
      name: 'Old sync',
      state: 'expiring',
      stateLabel: 'Expiring',
      payerLabel: 'Your organization',
      signers: '1–2',
      expiresAt: '2026-12-01T10:00:00Z',
    });
    vi.mocked(api.getInventory).mockResolvedValue({
      ...report,
      summary: { ...report.summary, inUse: 3, active: 2, expiring: 1 },
      keys: [expiring, ...report.keys],
    });
    render(Inventory);
    const summary = await screen.findByRole('list', { name: 'Summary' });
    expect(summary).toHaveTextContent('3 in use');
    const row = screen.getByRole('row', { name: /Old sync/ });
    // a space between the state and its date (Svelte drops one at the start of an element)
    expect(row).toHaveTextContent(/Expiring until Dec 1, 2026/);
    expect(row).toHaveTextContent('Your organization');
    expect(row).toHaveTextContent('1–2');
  });

  it('filters by name and by state, and sorts by a column', async () => {
    const user = userEvent.setup();
    render(Inventory);
    await screen.findByText('3 of 3 keys shown');
    await user.type(screen.getByRole('searchbox', { name: 'Search by name' }), 'SCRIPT');
    expect(screen.getByText('1 of 3 keys shown')).toBeInTheDocument();
    expect(screen.getByRole('row', { name: /Old script/ })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await user.click(screen.getByRole('checkbox', { name: 'Overdue only' }));
    expect(screen.getByText('1 of 3 keys shown')).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'Overdue only' }));

    await user.click(screen.getByRole('button', { name: 'Age' }));
    expect(screen.getByRole('columnheader', { name: /Age/ })).toHaveAttribute('aria-sort', 'ascending');
    const names = screen.getAllByRole('row').slice(1).map((r) => r.querySelector('td')?.textContent);
    expect(names[names.length - 1]).toBe('<img src=x onerror=alert(1)>');
  });

  it('exports through Go and says where the file went', async () => {
    const user = userEvent.setup();
    vi.mocked(api.exportInventory).mockResolvedValueOnce({ path: '/home/dana/inventory.csv', keys: 3 });
    render(Inventory);
    await user.click(await screen.findByRole('button', { name: 'Export CSV' }));
    expect(api.exportInventory).toHaveBeenCalledWith('csv');
    expect(await screen.findByText('Saved 3 keys to /home/dana/inventory.csv.')).toBeInTheDocument();
  });
});
