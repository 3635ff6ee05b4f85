// Pages are addressed by the location hash, so links stay links and Back works.

export type Page = 'home' | 'organization' | 'api-keys';

const hashes: Record<Page, string> = {
  home: '#/home',
  organization: '#/settings/organization',
  'api-keys': '#/settings/api-keys',
};

export function hrefOf(page: Page): string {
  return hashes[page];
}

export function pageOf(hash: string): Page {
  for (const [page, h] of Object.entries(hashes) as [Page, string][]) {
    if (hash === h) return page;
  }
  if (hash.startsWith('#/settings')) return 'organization';
  return 'home';
}
