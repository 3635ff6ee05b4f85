import { describe, expect, it } from 'vitest';
import { makeSettings } from '../test/fixtures';
import { checkSettings, fromForm, payerEnabled, toForm } from './settings';

function check(over: Record<string, unknown>) {
  return checkSettings({ ...toForm(makeSettings()), ...over });
}

describe('checkSettings', () => {
  it('accepts the defaults of a new key', () => {
    expect(check({})).toEqual({});
  });

  it.each([
    [{ name: '   ' }, 'name', 'Enter a name, for example the integration that uses the key.'],
    [{ name: 'x'.repeat(101) }, 'name', 'Use at most 100 characters.'],
    [{ minSigners: '0' }, 'minSigners', 'Enter a whole number from 1 to 10.'],
    [{ maxSigners: '11' }, 'maxSigners', 'Enter a whole number from 1 to 10.'],
    [{ maxSigners: '2.5' }, 'maxSigners', 'Enter a whole number from 1 to 10.'],
    [{ minSigners: 'two' }, 'minSigners', 'Enter a whole number from 1 to 10.'],
    [{ minSigners: '3', maxSigners: '2' }, 'maxSigners', 'Maximum signers must be at least the minimum.'],
    [{ transactionName: 'y'.repeat(256) }, 'transactionName', 'Use at most 255 characters.'],
    [{ externalId: 'a\tb' }, 'externalId', 'Remove line breaks and tabs from this text.'],
    [{ redirectUrl: 'http://example.com' }, 'redirectUrl', 'Enter a full https address, such as https://example.com/done.'],
    [{ redirectUrl: 'example.com/done' }, 'redirectUrl', 'Enter a full https address, such as https://example.com/done.'],
    [
      { forceRedirect: true },
      'redirectUrl',
      'Enter the https address signers go to after signing, or turn off Force redirect.',
    ],
    [{ redirectButtonText: 'z'.repeat(41) }, 'redirectButtonText', 'Use at most 40 characters.'],
  ])('%j: %s', (over, field, message) => {
    expect(check(over)).toEqual({ [field]: message });
  });

  it('counts characters, not UTF-16 units', () => {
    expect(check({ name: '🔑'.repeat(100) })).toEqual({});
  });

  it('accepts a forced https redirect with its button text', () => {
    expect(check({ forceRedirect: true, redirectUrl: 'https://acme.test/done', redirectButtonText: 'Back to Acme' })).toEqual(
      {},
    );
  });
});

describe('form round trip', () => {
  it('trims texts and parses numbers', () => {
    const s = fromForm({ ...toForm(makeSettings()), name: '  Salesforce  ', minSigners: ' 2 ', maxSigners: '3' });
    expect(s.name).toBe('Salesforce');
    expect(s.minSigners).toBe(2);
    expect(s.maxSigners).toBe(3);
  });
});

describe('payerEnabled', () => {
  it('follows the enablement', () => {
    const off = { payerInvoice: false, payerOrganization: false };
    expect(payerEnabled('signer', off)).toBe(true);
    expect(payerEnabled('invoice', off)).toBe(false);
    expect(payerEnabled('organization', { payerInvoice: false, payerOrganization: true })).toBe(true);
  });
});
