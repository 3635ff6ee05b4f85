// What Proof enables, in the words the pages use.
import type { Grant } from './types';

export const grantLabels: Record<Grant, string> = {
  api_access: 'API access',
  payer_invoice: 'Invoice payer',
  payer_organization: 'Your Organization payer',
};

export function grantLabel(g: string): string {
  return grantLabels[g as Grant] ?? g;
}
