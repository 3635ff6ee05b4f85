// End-to-end test of who may do what: a new organization without API access, one code from
// Proof making API Keys appear (no control to trust a key anywhere), the Organization ID
// copied, the Owner's passphrase typed twice and its recovery code shown once, a refused
// demotion of the last Owner shown at her role, a Team member who cannot generate (the button
// is disabled and the bound method refuses when called directly), signing in as another
// member, the Audit log in plain words, and a forgotten passphrase reset with the recovery code.
//
// Run it with `make test-e2e` (scripts/e2e.sh), which passes WAILS_URL and E2E_BIN.

import path from 'node:path';
import { OUT, check, exact, page, requireEnv, run, step, until, xclip } from './harness.mjs';
import { enableOnOrganizationPage } from './proof-staff.mjs';

const [BASE] = requireEnv(['WAILS_URL']);
const OWNER_PASS = 'owner passphrase 1';
const TESS_PASS = 'tess passphrase 1';
const OWNER_PASS_2 = 'owner passphrase 2';
let recoveryCode = '';

const settingsMenu = () => page.getByRole('navigation', exact('Settings'));
const status = (re) => page.getByRole('status').filter({ hasText: re });

async function signIn(name, role, passphrase) {
  await page.getByRole('heading', { name: /^Sign in to / }).waitFor();
  await page.getByLabel(`${name} (${role})`, { exact: true }).check();
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByRole('button', exact('Sign in')).click();
}

async function lock() {
  await page.getByRole('button', exact('Lock')).click();
  await page.getByRole('heading', { name: /^Sign in to / }).waitFor();
}

step('A new organization has no API Keys item, and says Proof enables it', async () => {
  await page.goto(BASE);
  await page.getByLabel('Organization name', { exact: true }).fill('Access Test Org');
  await page.getByLabel('Your name', { exact: true }).fill('Dana Owner');
  await page.getByLabel('Email', { exact: true }).fill('dana@example.com');
  await page.getByRole('button', exact('Create organization')).click();
  await page.getByRole('link', exact('Settings')).click();
  await settingsMenu().getByRole('link', exact('Organization')).waitFor();
  check((await settingsMenu().getByRole('link', exact('API Keys')).count()) === 0, 'API Keys is in the Settings menu');
  const notice = (await page.locator('#no-api-access').innerText()).replace(/\s+/g, ' ');
  check(/Proof enables API access/.test(notice) && /Sales representative/.test(notice), `notice: "${notice}"`);
  check(/org_[0-9A-Za-z]+/.test(notice), `the notice shows no Organization ID: "${notice}"`);
});

step('Pasting one code from Proof makes API Keys appear; nothing on the page trusts a key', async () => {
  const { orgId } = await enableOnOrganizationPage(page, 'api_access,payer_invoice');
  await settingsMenu().getByRole('link', exact('API Keys')).waitFor();
  const who = await page.getByText(/API access: enabled by Sam at Proof/).innerText();
  await page.getByText('End-to-end test root', { exact: true }).waitFor();
  check((await page.getByRole('button', { name: /trust/i }).count()) === 0, 'a button to trust a key is on the page');
  check((await page.getByLabel(/staff (public )?key|whose key/i).count()) === 0, 'a field for a staff key is on the page');
  check((await page.getByRole('textbox').count()) === 1, 'the Organization page has more than the code field');
  await page.screenshot({ path: path.join(OUT, 'e2e-organization.png'), fullPage: true });
  return `${orgId}: "${who.replace(/\s+/g, ' ').slice(0, 90)}…"`;
});

step('Copy puts the Organization ID on the clipboard', async () => {
  const orgId = (await page.locator('code.org-id').first().innerText()).trim();
  await page.getByRole('button', exact('Copy the Organization ID')).click();
  await page.getByText('Copied', { exact: true }).waitFor();
  await until(() => xclip('clipboard').trim() === orgId, `the clipboard does not hold ${orgId}`);
});

step('The Owner sets a passphrase, typed twice, and is shown a recovery code once', async () => {
  await settingsMenu().getByRole('link', exact('Members')).click();
  await page.getByRole('heading', exact('Members')).waitFor();
  await page.getByLabel('New passphrase', { exact: true }).fill(OWNER_PASS);
  await page.getByLabel('New passphrase again', { exact: true }).fill(OWNER_PASS);
  await page.getByRole('button', exact('Save passphrase')).click();
  const dialog = page.getByRole('alertdialog', exact('Your recovery code'));
  recoveryCode = (await dialog.locator('#rc-code').innerText()).trim();
  check(recoveryCode.length >= 8, `no recovery code shown: "${recoveryCode}"`);
  check(await dialog.getByRole('button', exact('Done')).isDisabled(), 'Done is enabled before the code is stored');
  await page.screenshot({ path: path.join(OUT, 'e2e-recovery-code.png') });
  await dialog.getByLabel('I have stored my recovery code', { exact: true }).check();
  await dialog.getByRole('button', exact('Done')).click();
  await dialog.waitFor({ state: 'detached' });
  await status(/Saved the passphrase/).waitFor();
  check(!(await page.content()).includes(recoveryCode), 'the recovery code is still in the page');
});

step('Demoting the last Owner is refused next to her role, which shows Owner again', async () => {
  const role = page.getByRole('combobox', exact('Role of Dana Owner'));
  await role.selectOption('admin');
  await page.getByRole('alertdialog', exact('Make Dana Owner an Admin?')).waitFor();
  await page.keyboard.press('Enter');
  const row = page.getByRole('row').filter({ has: role });
  const why = await row.getByRole('alert').innerText();
  check(/at least one owner/.test(why), `the refusal is not in Dana's row: "${why}"`);
  check((await role.inputValue()) === 'owner', `the role shows ${await role.inputValue()}, not the stored Owner`);
  check((await status(/Saved/).count()) === 0, 'a Saved message is shown for a refused change');
  await page.screenshot({ path: path.join(OUT, 'e2e-members-refusal.png') });
});

step('The Owner adds a Team member without Manage API keys', async () => {
  await page.getByLabel('Name', { exact: true }).fill('Tess Member');
  await page.getByLabel('Email', { exact: true }).fill('tess@example.com');
  await page.getByLabel('Role', { exact: true }).selectOption('team_member');
  await page.getByLabel('First passphrase', { exact: true }).fill(TESS_PASS);
  await page.getByRole('button', exact('Add member')).click();
  await status(/Added Tess Member/).waitFor();
  await page.getByRole('rowheader', exact('Tess Member')).waitFor();
});

step('Signing in as another member needs their passphrase', async () => {
  await lock();
  await signIn('Tess Member', 'Team member', 'not her passphrase');
  const alert = await page.getByRole('alert').innerText();
  check(/passphrase is not right/.test(alert), `no wrong-passphrase message: "${alert}"`);
  await signIn('Tess Member', 'Team member', TESS_PASS);
  await page.getByRole('navigation', exact('Main')).getByText('Tess Member (Team member)').waitFor();
});

step('A Team member without the grant cannot generate: button disabled, bound method refuses', async () => {
  await page.getByRole('link', exact('Settings')).click();
  await settingsMenu().getByRole('link', exact('API Keys')).click();
  const generate = page.getByRole('button', exact('Generate Full Access Key'));
  await generate.waitFor();
  check(await generate.isDisabled(), '"Generate Full Access Key" is enabled for a Team member');
  const why = await page.locator('#no-permission').innerText();
  check(/Dana Owner/.test(why), `the explanation does not name who can help: "${why}"`);
  const refused = await page.evaluate(() =>
    window.go.ui.Keys.GenerateKey('production').then(
      () => 'generated',
      (e) => (typeof e === 'string' ? e : JSON.stringify(e)),
    ),
  );
  check(refused !== 'generated', 'Go generated a key for a Team member');
  check(/forbidden/.test(refused), `Go refused with something else: ${refused}`);
  return `Go said: ${refused.slice(0, 120)}`;
});

step('Back to the Owner: the passphrase is needed there too', async () => {
  await lock();
  await signIn('Dana Owner', 'Owner', TESS_PASS);
  await page.getByRole('alert').filter({ hasText: /passphrase is not right/ }).waitFor();
  await signIn('Dana Owner', 'Owner', OWNER_PASS);
  await page.getByRole('navigation', exact('Main')).getByText('Dana Owner (Owner)').waitFor();
  await page.screenshot({ path: path.join(OUT, 'e2e-access.png') });
});

step('The Audit log reads in plain words: a failed sign-in is by Someone, no codes or IDs', async () => {
  await page.goto(new URL('#/settings/audit', page.url()).toString());
  await page.getByRole('heading', exact('Audit log')).waitFor();
  const table = page.getByRole('table');
  await table.getByRole('cell', exact('Tried to sign in with a wrong passphrase')).first().waitFor();
  await table.getByRole('cell', exact('Someone')).first().waitFor();
  const text = await table.innerText();
  const internal = /\S*(mem_|stk_|crt_|rtk_|enc_|member\.|org\.|key\.[a-z])\S*/;
  check(!internal.test(text), `the table shows an internal code or ID: ${text.match(internal)?.[0]}`);
  await page.getByRole('button', exact('Copy the anchor')).click();
  const anchor = (await page.locator('.anchor code').innerText()).trim();
  await until(() => xclip('clipboard').trim() === anchor, 'the clipboard does not hold the anchor');
  await page.screenshot({ path: path.join(OUT, 'e2e-audit.png'), fullPage: true });
});

step('A forgotten passphrase: the recovery code sets a new one, shows the next code once, and signs in', async () => {
  await lock();
  await page.getByLabel('Dana Owner (Owner)', { exact: true }).check();
  await page.getByRole('button', exact('Use your recovery code')).click();
  await page.getByLabel('Recovery code', { exact: true }).fill(recoveryCode);
  await page.getByLabel('New passphrase', { exact: true }).fill(OWNER_PASS_2);
  await page.getByLabel('New passphrase again', { exact: true }).fill(OWNER_PASS_2);
  await page.screenshot({ path: path.join(OUT, 'e2e-signin-recovery.png') });
  await page.getByRole('button', exact('Set passphrase and sign in')).click();
  const dialog = page.getByRole('alertdialog', exact('Your recovery code'));
  const next = (await dialog.locator('#rc-code').innerText()).trim();
  check(next.length >= 8 && next !== recoveryCode, `the next recovery code is "${next}"`);
  await dialog.getByLabel('I have stored my recovery code', { exact: true }).check();
  await dialog.getByRole('button', exact('Done')).click();
  await page.getByRole('navigation', exact('Main')).getByText('Dana Owner (Owner)').waitFor();
  await lock();
  await signIn('Dana Owner', 'Owner', OWNER_PASS_2);
  await page.getByRole('navigation', exact('Main')).getByText('Dana Owner (Owner)').waitFor();
});

await run({ viewport: { width: 1280, height: 800 } });
