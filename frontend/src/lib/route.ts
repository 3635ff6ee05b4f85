// Pages are addressed by the location hash, so links stay links and Back works.

export type Page =
  | 'home'
  | 'organization'
  | 'api-keys'
  | 'inventory'
  | 'check-key'
  | 'scan'
  | 'audit'
  | 'members'
  | 'troubleshooting';

const hashes: Record<Page, string> = {
  home: '#/home',
  organization: '#/settings/organization',
  'api-keys': '#/settings/api-keys',
  inventory: '#/settings/inventory',
  'check-key': '#/settings/check-key',
  scan: '#/settings/scan',
  audit: '#/settings/audit',
  members: '#/settings/members',
  troubleshooting: '#/settings/troubleshooting',
};

export function hrefOf(page: Page): string {
  return hashes[page];
}

export function pageOf(hash: string): Page {
  for (const [page, h] of Object.entries(hashes) as [Page, string][]) {
    if (hash === h) return page;
  }
  if (hash.startsWith(hashes.troubleshooting + '/')) return 'troubleshooting';
  if (hash.startsWith('#/settings')) return 'organization';
  return 'home';
}

/** The troubleshooting cases of the help article, each a section of that page. */
export type TroubleCase = 'no-api-keys' | 'cannot-generate' | 'cannot-authenticate' | 'key-exposed';

/** A link to one case of the Troubleshooting page. */
export function troubleshootingHref(c: TroubleCase): string {
  return `${hashes.troubleshooting}/${c}`;
}

/** The case a troubleshooting address points at, if any. */
export function troubleCaseOf(hash: string): TroubleCase | null {
  const c = hash.slice(hashes.troubleshooting.length + 1);
  return hash.startsWith(hashes.troubleshooting + '/') && c ? (c as TroubleCase) : null;
}
