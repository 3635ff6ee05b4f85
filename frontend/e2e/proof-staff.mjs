// What a Proof CSM does for an organization, for the end-to-end tests: a staff signing key
// in the (private) OS vault, made with the app's own `proofkeys csm` commands, certified by
// the run's Proof root (which the dev build trusts), then one signed code pasted on the
// Organization page. This is the real enablement path, not a shortcut into the database.
//
// Needs E2E_BIN and E2E_ROOT_KEY (scripts/e2e.sh passes both): the binary that runs the
// csm commands, and the --key-name of the root key in the vault.

import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { root } from './harness.mjs';

const BIN = path.resolve(root, process.env.E2E_BIN || 'build/bin/proofkeys-dev');

export function csm(...args) {
  return execFileSync(BIN, ['csm', ...args], { encoding: 'utf8', timeout: 20000, stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/** Makes a staff key in the vault, certified by the run's root for grants, and returns { keyName, name }. */
export function staffKey(name = 'Sam at Proof', grants = 'api_access,payer_invoice,payer_organization') {
  const keyName = `e2e-${randomBytes(4).toString('hex')}`;
  const request = csm('keygen', '--name', name, '--key-name', keyName);
  const cert = csm('certify', '--request', request, '--grant', grants, '--valid', '30d',
    '--key-name', process.env.E2E_ROOT_KEY || 'e2e-root');
  csm('install-cert', '--cert', cert, '--key-name', keyName);
  return { keyName, name };
}

/** A code from the staff key for the org: grants is "api_access,payer_invoice". */
export function issue(key, orgId, grants, withdraw = false) {
  return csm(withdraw ? 'withdraw' : 'issue', '--org', orgId, '--grant', grants, '--key-name', key.keyName);
}

/**
 * On the Organization page, as its Owner: apply one code for grants.
 * Returns the Organization ID read from the page.
 */
export async function enableOnOrganizationPage(page, grants = 'api_access') {
  await page.goto(new URL('#/settings/organization', page.url()).toString());
  await page.getByRole('heading', { name: 'Organization', exact: true }).waitFor();
  const orgId = (await page.locator('code.org-id').first().innerText()).trim();
  const key = staffKey();
  await page.getByLabel('Enablement code from Proof', { exact: true }).fill(issue(key, orgId, grants));
  await page.getByRole('button', { name: 'Apply code', exact: true }).click();
  await page.getByRole('status').filter({ hasText: /Applied the code/ }).waitFor();
  return { orgId, key };
}
