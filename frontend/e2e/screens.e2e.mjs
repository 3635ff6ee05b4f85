// End-to-end test of the window at the sizes it allows: every page at the minimum width
// (860x700) and at a common one (1280x800), in the light and the dark theme, against the
// app's dev build (real bound Go methods, real vault). At 860 px no page scrolls sideways,
// the first-run screen fits without a scrollbar, and the Inventory table keeps its Name
// column in view when it scrolls sideways. Each page's screenshots are saved as
// build/e2e-shots/PAGE-WIDTHxHEIGHT-THEME.png, to look at.
//
// Run it with `make test-e2e` (scripts/e2e.sh), which passes WAILS_URL.

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { OUT, check, exact, page, requireEnv, run, step, until } from './harness.mjs';

const [BASE] = requireEnv(['WAILS_URL']);
const SHOTS = path.join(OUT, 'e2e-shots');
const NARROW = { width: 860, height: 700 };
const WIDE = { width: 1280, height: 800 };
const SIZES = [NARROW, WIDE];
const THEMES = ['light', 'dark'];

// The pages of a signed-in Owner, each with its address, the heading that shows it, and a
// text (or a locator) that shows what it loads is there: the widest content, which the check
// is about.
const PAGES = [
  { name: 'home', hash: '#/home', heading: /^Welcome, /, loaded: 'Where your data lives' },
  { name: 'organization', hash: '#/settings/organization', heading: 'Organization', loaded: 'Organization ID' },
  { name: 'members', hash: '#/settings/members', heading: 'Members', loaded: 'dana@example.com' },
  { name: 'api-keys', hash: '#/settings/api-keys', heading: 'API Keys', loaded: 'Billing' },
  { name: 'inventory', hash: '#/settings/inventory', heading: 'Inventory', loaded: '4 of 4 keys shown' },
  { name: 'check-key', hash: '#/settings/check-key', heading: 'Check a key', loaded: 'Key the integration uses' },
  { name: 'audit', hash: '#/settings/audit', heading: 'Audit log', loaded: () => page.getByRole('cell', exact('Dana Tester')) },
  { name: 'troubleshooting', hash: '#/settings/troubleshooting', heading: 'Troubleshooting', loaded: 'A key was exposed' },
];

// call runs a bound Go method in the page, as the UI does.
const call = (struct, name, ...args) =>
  page.evaluate(([s, n, a]) => window.go.ui[s][n](...a), [struct, name, args]);

// How far the page's content reaches beyond the window, sideways and down, in px.
const overflow = () =>
  page.evaluate(() => {
    const el = document.scrollingElement;
    return { x: el.scrollWidth - window.innerWidth, y: el.scrollHeight - window.innerHeight };
  });

// Shows the page at each size and theme, screenshots it, and checks that at the narrow size
// nothing scrolls sideways. ready() waits until the page shows what it loads.
async function shoot(name, ready) {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    for (const colorScheme of THEMES) {
      await page.emulateMedia({ colorScheme });
      await ready();
      const file = path.join(SHOTS, `${name}-${size.width}x${size.height}-${colorScheme}.png`);
      await page.screenshot({ path: file, fullPage: true });
    }
    if (size === NARROW) {
      const o = await overflow();
      check(o.x <= 0, `${name} at ${size.width} px scrolls sideways by ${o.x} px`);
    }
  }
}

step('The first-run screen fits 860x700 without a scrollbar', async () => {
  mkdirSync(SHOTS, { recursive: true });
  await page.goto(BASE);
  const heading = page.getByRole('heading', exact('Set up proofkeys'));
  await shoot('setup', () => heading.waitFor());
  await page.setViewportSize(NARROW);
  const o = await overflow();
  check(o.y <= 0 && o.x <= 0, `the first-run screen at 860x700 overflows by ${o.x} px sideways, ${o.y} px down`);
});

step('A demo organization with keys: long names, one replaced with a grace period, one deleted', async () => {
  await page.waitForFunction(() => window.go?.ui?.Session?.SetUpDemo);
  await call('Session', 'SetUpDemo', { orgName: 'Screens demo', name: 'Dana Tester', email: 'dana@example.com' });
  const names = ['Salesforce nightly synchronisation of every customer', 'Billing', 'Sandbox trial'];
  const envs = ['production', 'production', 'sandbox'];
  const keys = [];
  for (let i = 0; i < names.length; i++) {
    const k = await call('Keys', 'GenerateKey', envs[i]);
    await call('Keys', 'SaveKeySettings', k.id, { ...k.settings, name: names[i] });
    keys.push(k);
  }
  await call('Keys', 'ReplaceKey', keys[0].id, 24);
  await call('Keys', 'CopyKey', keys[1].id);
  await call('Keys', 'DeleteKey', keys[2].id);
  await page.reload();
});

for (const p of PAGES) {
  step(`${p.name}: no sideways scroll at 860 px; screenshots at both sizes, light and dark`, async () => {
    await page.goto(new URL(p.hash, BASE).toString());
    const heading = page.getByRole('heading', { level: 1, name: p.heading, exact: typeof p.heading === 'string' });
    await shoot(p.name, async () => {
      await heading.waitFor();
      await (typeof p.loaded === 'string' ? page.getByText(p.loaded) : p.loaded()).first().waitFor();
      await until(() => page.evaluate(() => !document.querySelector('[aria-busy="true"]')), `${p.name} still loading`);
    });
  });
}

step('Troubleshooting shows the support bundle as plain text that fits the page', async () => {
  await page.setViewportSize(NARROW);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(new URL('#/settings/troubleshooting', BASE).toString());
  await page.getByRole('button', exact('Show what it contains')).click();
  const bundle = page.getByLabel('Support bundle', { exact: true });
  await bundle.waitFor();
  const text = await bundle.innerText();
  check(text.includes('proofkeys') && !/[{}<>]/.test(text), `the bundle does not read as a summary: ${text.slice(0, 200)}`);
  check(!text.includes(process.env.PROOFKEYS_DATA_DIR || '/nonexistent'), 'the bundle names the data folder');
  const o = await overflow();
  check(o.x <= 0, `the page scrolls sideways by ${o.x} px with the bundle shown`);
  await bundle.screenshot({ path: path.join(SHOTS, 'support-bundle-860x700-light.png') });
});

step('Inventory at 860 px: the Name column stays in view when the table scrolls sideways', async () => {
  await page.setViewportSize(NARROW);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(new URL('#/settings/inventory', BASE).toString());
  const table = page.getByRole('region', exact('Keys'));
  const name = table.getByRole('cell', { name: 'Billing' }).first();
  await name.waitFor();
  const scrollable = await table.evaluate((el) => el.scrollWidth - el.clientWidth);
  check(scrollable > 0, 'the table does not scroll sideways at 860 px: nothing to check');
  await table.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
  await until(() => table.evaluate((el) => el.scrollLeft > 0), 'the table did not scroll');
  const [box, cell] = [await table.boundingBox(), await name.boundingBox()];
  check(cell.x >= box.x - 1 && cell.x + cell.width <= box.x + box.width, `the Name cell is out of view: ${JSON.stringify({ box, cell })}`);
  const expiring = table.getByRole('cell').filter({ hasText: /^Expiring/ });
  const state = await expiring.innerText();
  check(/^Expiring until \w{3} \d{1,2}, \d{4}$/.test(state.trim()), `the expiring key's state reads: ${state}`);
  const cut = await expiring.evaluate((td) => td.scrollWidth - td.clientWidth);
  check(cut <= 0, `the expiring key's state is cut by ${cut} px`);
  await table.screenshot({ path: path.join(SHOTS, 'inventory-scrolled-860x700-light.png') });
});

// The API Keys list holds only the rows in view and asks Go for them in blocks: with a few
// hundred keys, the top of the list and a place far down, at both sizes and in both themes.
step('API Keys with a few hundred keys: screenshots at the top and far down', async () => {
  await page.evaluate(async () => {
    for (let i = 0; i < 300; i++) await window.go.ui.Keys.GenerateKey('production');
  });
  await page.goto(new URL('#/settings/api-keys', BASE).toString());
  const count = page.locator('#keys-count');
  const table = page.getByRole('region', exact('Production keys'));
  const settled = () =>
    until(
      () => page.evaluate(() => !document.querySelector('[aria-busy="true"]') && !document.body.innerText.includes('Loading…')),
      'the list is still loading',
    );
  await shoot('api-keys-many', async () => {
    await until(async () => /^30\d keys/.test((await count.innerText().catch(() => '')).trim()), 'the list does not count 300 keys');
    await settled();
  });
  await shoot('api-keys-many-scrolled', async () => {
    await table.evaluate((el) => (el.scrollTop = el.scrollHeight * 0.6));
    await settled();
  });
});

await run({ viewport: WIDE });
