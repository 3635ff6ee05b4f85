// The key settings form: what it holds while a person types, and the checks that mirror
// Go's (backend/apikey/settings.go). Go has the last word; these only spare a round trip,
// and use the same messages.
import type { FieldErrors } from './errors';
import type { DocumentRequirement, Payer, Settings, StateView } from './types';

export const limits = {
  name: 100,
  minSigners: 1,
  maxSigners: 10,
  text: 255,
  url: 2048,
  buttonText: 40,
} as const;

export const payers: { value: Payer; label: string }[] = [
  { value: 'signer', label: 'Signer' },
  { value: 'invoice', label: 'Invoice' },
  { value: 'organization', label: 'Your Organization' },
];

export const requirements: { value: DocumentRequirement; label: string }[] = [
  { value: 'notarization', label: 'Notarization' },
  { value: 'esign', label: 'eSign' },
  { value: 'identity_confirmation', label: 'Identity confirmation' },
];

/** Whether Proof has enabled this payer for the organization. */
export function payerEnabled(payer: Payer, view: Pick<StateView, 'payerInvoice' | 'payerOrganization'>): boolean {
  switch (payer) {
    case 'invoice':
      return view.payerInvoice;
    case 'organization':
      return view.payerOrganization;
    default:
      return true;
  }
}

/** The form keeps numbers as typed, so nothing a person types is changed or lost. */
export type SettingsForm = Omit<Settings, 'minSigners' | 'maxSigners'> & {
  minSigners: string;
  maxSigners: string;
};

export function toForm(s: Settings): SettingsForm {
  return { ...s, minSigners: String(s.minSigners), maxSigners: String(s.maxSigners) };
}

const textFields = [
  'name',
  'transactionName',
  'transactionType',
  'documentCategory',
  'externalId',
  'redirectUrl',
  'redirectButtonText',
] as const;

/** The settings to send: surrounding spaces trimmed (as Go does), numbers parsed. */
export function fromForm(f: SettingsForm): Settings {
  const s: Settings = {
    ...f,
    minSigners: Number(f.minSigners.trim()),
    maxSigners: Number(f.maxSigners.trim()),
  };
  for (const k of textFields) s[k] = f[k].trim();
  return s;
}

function length(s: string): number {
  return [...s].length;
}

const control = /[\u0000-\u001f\u007f-\u009f]/;

function checkText(s: string, max: number): string {
  if (length(s) > max) return `Use at most ${max} characters.`;
  if (control.test(s)) return 'Remove line breaks and tabs from this text.';
  return '';
}

function checkSigners(raw: string): string {
  const s = raw.trim();
  if (!/^\d+$/.test(s)) return 'Enter a whole number from 1 to 10.';
  const n = Number(s);
  if (n < limits.minSigners || n > limits.maxSigners) return 'Enter a whole number from 1 to 10.';
  return '';
}

function checkRedirectUrl(raw: string, forced: boolean): string {
  if (raw === '') {
    return forced ? 'Enter the https address signers go to after signing, or turn off Force redirect.' : '';
  }
  if (raw.length > limits.url) return 'Use an address of at most 2048 characters.';
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return 'Enter a full https address, such as https://example.com/done.';
  }
  if (u.protocol !== 'https:' || u.hostname === '' || u.username !== '' || u.password !== '') {
    return 'Enter a full https address, such as https://example.com/done.';
  }
  return '';
}

/** Checks the form as Go will; returns a message per invalid field (empty when all is well). */
export function checkSettings(f: SettingsForm): FieldErrors {
  const s = fromForm(f);
  const errors: FieldErrors = {};
  const add = (field: string, msg: string) => {
    if (msg) errors[field] = msg;
  };
  add('name', s.name === '' ? 'Enter a name, for example the integration that uses the key.' : checkText(s.name, limits.name));
  add('payer', payers.some((p) => p.value === s.payer) ? '' : 'Choose Signer, Invoice or Your Organization.');
  add('minSigners', checkSigners(f.minSigners));
  add('maxSigners', checkSigners(f.maxSigners));
  if (!errors.minSigners && !errors.maxSigners && s.minSigners > s.maxSigners) {
    errors.maxSigners = 'Maximum signers must be at least the minimum.';
  }
  add(
    'documentRequirement',
    requirements.some((r) => r.value === s.documentRequirement)
      ? ''
      : 'Choose notarization, eSign or identity confirmation.',
  );
  add('transactionName', checkText(s.transactionName, limits.text));
  add('transactionType', checkText(s.transactionType, limits.text));
  add('documentCategory', checkText(s.documentCategory, limits.text));
  add('externalId', checkText(s.externalId, limits.text));
  add('redirectUrl', checkRedirectUrl(s.redirectUrl, s.forceRedirect));
  add('redirectButtonText', checkText(s.redirectButtonText, limits.buttonText));
  return errors;
}
