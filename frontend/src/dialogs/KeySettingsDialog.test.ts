import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as api from '../lib/api';
import type { StateView } from '../lib/types';
import { keysPage, makeKey, makeState } from '../test/fixtures';
import ApiKeys from '../pages/ApiKeys.svelte';

vi.mock('../lib/api', () => import('../test/api-mock'));

const key = makeKey({ settings: { name: 'Salesforce sync', maxSigners: 2, transactionType: 'refinance' } });

beforeEach(() => {
  vi.mocked(api.keyPage).mockImplementation(keysPage([key]));
});

async function openSettings(over: Partial<StateView> = {}) {
  const user = userEvent.setup();
  render(ApiKeys, { view: makeState(over), onstale: vi.fn() });
  const opener = await screen.findByRole('button', { name: 'Settings for Salesforce sync' });
  await user.click(opener);
  const dialog = screen.getByRole('dialog', { name: 'Settings for Salesforce sync' });
  return { user, opener, dialog, field: (label: string) => within(dialog).getByLabelText(label) };
}

describe('key settings dialog', () => {
  it('opens as a modal with every setting filled in, and focus inside', async () => {
    const { dialog, field } = await openSettings();
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(dialog).toHaveAccessibleDescription(/locked for the transactions made with it/);
    expect(dialog.contains(document.activeElement)).toBe(true);

    expect(field('Name')).toHaveValue('Salesforce sync');
    expect(field('Access level')).toHaveValue('Full access');
    expect(field('Access level')).toHaveAttribute('readonly');
    expect(within(dialog).getByRole('radiogroup', { name: 'Payer' })).toBeInTheDocument();
    expect(within(dialog).getByRole('radio', { name: 'Signer' })).toBeChecked();
    expect(field('Minimum signers')).toHaveValue('1');
    expect(field('Maximum signers')).toHaveValue('2');
    expect(field('Default document requirement')).toHaveValue('notarization');
    expect(field('Transaction name')).toHaveValue('');
    expect(field('Transaction type')).toHaveValue('refinance');
    expect(field('Document category')).toHaveValue('');
    expect(field('External ID')).toHaveValue('');
    expect(field('Allow signer annotations')).toBeChecked();
    expect(field('Require secondary photo ID')).not.toBeChecked();
    expect(field('Force redirect')).not.toBeChecked();
    expect(field('Redirect URL')).toHaveValue('');
    expect(field('Redirect button text')).toHaveValue('');
    expect(within(dialog).getByRole('button', { name: 'Save' })).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toBeInTheDocument();
  });

  it('closes on Escape and gives focus back to the settings icon', async () => {
    const { user, opener } = await openSettings();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(opener).toHaveFocus();
    expect(api.saveKeySettings).not.toHaveBeenCalled();
  });

  it('keeps Tab inside the dialog', async () => {
    const { user, dialog } = await openSettings();
    for (let i = 0; i < 30; i++) {
      await user.tab();
      expect(dialog.contains(document.activeElement)).toBe(true);
    }
  });

  it("shows Go's message next to each field and keeps what was typed", async () => {
    vi.mocked(api.saveKeySettings).mockRejectedValue({
      code: 'invalid',
      message: 'Some settings need a change.',
      hint: 'Fix the fields marked below, then select Save again.',
      fields: {
        name: 'Another key already has this name.',
        redirectUrl: 'Enter a full https address, such as https://example.com/done.',
      },
    });
    const { user, dialog, field } = await openSettings();
    await user.clear(field('Name'));
    await user.type(field('Name'), 'Nightly script');
    await user.type(field('Redirect URL'), 'https://acme.test/done');
    await user.type(field('External ID'), 'crm-42');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('Some settings need a change.');
    expect(alert).toHaveTextContent('Fix the fields marked below, then select Save again.');

    expect(field('Name')).toHaveAttribute('aria-invalid', 'true');
    expect(field('Name')).toHaveAccessibleDescription('Another key already has this name.');
    expect(field('Redirect URL')).toHaveAttribute('aria-invalid', 'true');
    expect(field('Redirect URL')).toHaveAccessibleDescription(/Enter a full https address/);
    expect(field('External ID')).not.toHaveAttribute('aria-invalid');
    expect(field('Name')).toHaveFocus();

    expect(field('Name')).toHaveValue('Nightly script');
    expect(field('Redirect URL')).toHaveValue('https://acme.test/done');
    expect(field('External ID')).toHaveValue('crm-42');
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  it('checks the form before calling Go, with the same messages', async () => {
    const { user, dialog, field } = await openSettings();
    await user.clear(field('Minimum signers'));
    await user.type(field('Minimum signers'), '5');
    await user.clear(field('Maximum signers'));
    await user.type(field('Maximum signers'), '3');
    await user.click(field('Force redirect'));
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    expect(api.saveKeySettings).not.toHaveBeenCalled();
    expect(field('Maximum signers')).toHaveAccessibleDescription(/Maximum signers must be at least the minimum\./);
    expect(field('Redirect URL')).toHaveAccessibleDescription(/Enter the https address signers go to after signing/);
    expect(field('Minimum signers')).toHaveValue('5');
    expect(field('Maximum signers')).toHaveValue('3');
    expect(field('Maximum signers')).toHaveFocus();
  });

  it('offers Invoice and Your Organization only when Proof enabled them', async () => {
    const { dialog } = await openSettings();
    const invoice = within(dialog).getByRole('radio', { name: 'Invoice' });
    const org = within(dialog).getByRole('radio', { name: 'Your Organization' });
    expect(invoice).toBeDisabled();
    expect(org).toBeDisabled();
    expect(invoice).toHaveAccessibleDescription('Ask your CSM to enable this payer');
    expect(org).toHaveAccessibleDescription('Ask your CSM to enable this payer');
    expect(within(dialog).getByRole('radio', { name: 'Signer' })).toBeEnabled();
  });

  it('lets an enabled payer be chosen and saved', async () => {
    vi.mocked(api.saveKeySettings).mockImplementation(async (id, settings) => {
      const saved = makeKey({ id, settings });
      vi.mocked(api.keyPage).mockImplementation(keysPage([saved]));
      return saved;
    });
    const { user, dialog } = await openSettings({ payerInvoice: true });
    const invoice = within(dialog).getByRole('radio', { name: 'Invoice' });
    expect(invoice).toBeEnabled();
    expect(within(dialog).getByRole('radio', { name: 'Your Organization' })).toBeDisabled();
    await user.click(invoice);
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(api.saveKeySettings).toHaveBeenCalledWith('key_1', expect.objectContaining({ payer: 'invoice' }));
  });

  it('saves, closes, updates the row and announces it', async () => {
    vi.mocked(api.saveKeySettings).mockImplementation(async (id, settings) => {
      const saved = makeKey({ id, settings });
      vi.mocked(api.keyPage).mockImplementation(keysPage([saved]));
      return saved;
    });
    const { user, dialog, field, opener } = await openSettings();
    await user.clear(field('Name'));
    await user.type(field('Name'), '  EasyLink  ');
    await user.clear(field('Maximum signers'));
    await user.type(field('Maximum signers'), '4');
    await user.selectOptions(field('Default document requirement'), 'eSign');
    await user.click(field('Require secondary photo ID'));
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    expect(api.saveKeySettings).toHaveBeenCalledWith('key_1', {
      name: 'EasyLink',
      payer: 'signer',
      minSigners: 1,
      maxSigners: 4,
      documentRequirement: 'esign',
      transactionName: '',
      transactionType: 'refinance',
      documentCategory: '',
      externalId: '',
      allowSignerAnnotations: true,
      requireSecondaryPhotoId: true,
      forceRedirect: false,
      redirectUrl: '',
      redirectButtonText: '',
    });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    // the list is asked again for the row as Go now has it
    await waitFor(() => expect(screen.getByRole('rowheader')).toHaveTextContent('EasyLink'));
    expect(screen.getByRole('status')).toHaveTextContent('Saved settings for EasyLink.');
    expect(opener).toHaveAccessibleName('Settings for EasyLink');
    expect(opener).toHaveFocus();
  });

  it('shows a plain-text error from Wails in the dialog', async () => {
    vi.mocked(api.saveKeySettings).mockRejectedValue('runtime error: the bridge is gone');
    const { user, dialog } = await openSettings();
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('runtime error: the bridge is gone');
    expect(alert).toHaveTextContent(/Try again/);
  });
});
