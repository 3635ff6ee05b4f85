// End-to-end test of who may do what: a new organization without API access, Proof's code
// making API Keys appear, a Team member who cannot generate (the button is disabled and the
// bound method refuses when called directly), and signing in as another member.
//
// Run it with `make test-e2e` (scripts/e2e.sh), which passes WAILS_URL and E2E_BIN.

import path from 'node:path';
import { OUT, check, exact, page, requireEnv, run, step } from './harness.mjs';
import { enableOnOrganizationPage } from './proof-staff.mjs';

const [BASE] = requireEnv(['WAILS_URL']);
const OWNER_PASS = 'owner passphrase 1';
const TESS_PASS = 'tess passphrase 1';

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

step('Pasting a valid staff code makes API Keys appear', async () => {
  const { orgId } = await enableOnOrganizationPage(page, 'api_access,payer_invoice');
  await settingsMenu().getByRole('link', exact('API Keys')).waitFor();
  const who = await page.getByText(/API access: enabled by Sam at Proof/).innerText();
  return `${orgId}: "${who.replace(/\s+/g, ' ').slice(0, 90)}…"`;
});

step('The Owner sets a passphrase and adds a Team member without Manage API keys', async () => {
  await settingsMenu().getByRole('link', exact('Members')).click();
  await page.getByRole('heading', exact('Members')).waitFor();
  await page.getByLabel('New passphrase', { exact: true }).fill(OWNER_PASS);
  await page.getByRole('button', exact('Save passphrase')).click();
  await status(/Saved the passphrase/).waitFor();
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

await run({ viewport: { width: 1280, height: 800 } });
