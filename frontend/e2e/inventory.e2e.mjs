// End-to-end test of the key inventory in headless Chromium against the app's dev build
// (real bound Go methods, real vault, real bbolt file): keys made, copied and deleted
// through the app, then the Inventory page filtered, sorted and exported to CSV through
// the save dialog's stand-in, and the file read back.
//
// Run it with `make test-e2e` (scripts/e2e.sh), which passes WAILS_URL and sets
// PROOFKEYS_SAVE_DIALOG_DIR: the dev build's save dialog answers with a file in that folder
// (app_dialog_dev.go). It prints one line per step and "N passed, N failed", and exits
// non-zero on a failure.

import { chromium } from 'playwright-core';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const BASE = process.env.WAILS_URL;
const SAVE_DIR = process.env.PROOFKEYS_SAVE_DIALOG_DIR;
if (!BASE || !SAVE_DIR) {
  console.error('WAILS_URL or PROOFKEYS_SAVE_DIALOG_DIR is not set: run this through scripts/e2e.sh (make test-e2e)');
  process.exit(2);
}
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const OUT = process.env.E2E_OUT_DIR || path.join(root, 'build');
const TIMEOUT = Number(process.env.E2E_TIMEOUT_MS || 10000);

class Failure extends Error {}
function check(cond, msg) {
  if (!cond) throw new Failure(msg);
}
const exact = (name) => ({ name, exact: true });

const profile = mkdtempSync(path.join(tmpdir(), 'proofkeys-e2e-chromium-'));
let ctx;
let page;
const s = {};
const steps = [];
const step = (title, fn) => steps.push({ title, fn });

// call runs a bound Go method in the page, as the UI does.
const call = (name, ...args) => page.evaluate(([n, a]) => window.go.main.App[n](...a), [name, args]);

const shownCount = async () => (await page.locator('#inventory-count').innerText()).trim();
const rowWith = (text) => page.getByRole('row').filter({ hasText: text });

step('Set up an organization with API access, three keys, a copy and a deletion', async () => {
  await page.goto(BASE);
  await page.waitForFunction(() => window.go?.main?.App?.SetUpDemo);
  await call('SetUpDemo', { orgName: 'Inventory demo', name: 'Dana Tester', email: 'dana@example.com' });
  const names = ['Salesforce sync', 'Nightly script', 'Sandbox trial'];
  const envs = ['production', 'production', 'sandbox'];
  s.keys = [];
  for (let i = 0; i < names.length; i++) {
    const k = await call('GenerateKey', envs[i]);
    await call('SaveKeySettings', k.id, { ...k.settings, name: names[i] });
    s.keys.push({ ...k, name: names[i] });
  }
  await call('CopyKey', s.keys[0].id);
  await call('CopyKey', s.keys[0].id);
  await call('DeleteKey', s.keys[1].id);
  await page.reload();
});

step('Settings > Inventory shows the summary, the age chart and every key', async () => {
  await page.getByRole('link', exact('Settings')).click();
  await page.getByRole('link', exact('Inventory')).click();
  await page.getByRole('heading', exact('Inventory')).waitFor();
  const summary = await page.getByRole('list', exact('Summary')).innerText();
  check(/2\s*active/.test(summary), `summary: ${summary}`);
  check(/1\s*deleted in the last 30 days/.test(summary), `summary: ${summary}`);
  await page.getByRole('img', { name: /Keys in use by age/ }).waitFor();
  check((await shownCount()) === '3 of 3 keys shown', await shownCount());
  const copied = (await rowWith('Salesforce sync').innerText()).replace(/\s+/g, ' ');
  check(copied.includes('by Dana Tester') && / 2 /.test(copied), `the copies are not shown: ${copied}`);
  const deleted = (await rowWith('Nightly script').innerText()).replace(/\s+/g, ' ');
  check(deleted.includes('Deleted'), `the deleted key is not marked: ${deleted}`);
});

step('Search and filters narrow the table', async () => {
  await page.getByRole('searchbox', exact('Search by name')).fill('sync');
  check((await shownCount()) === '1 of 3 keys shown', await shownCount());
  await page.getByRole('button', exact('Clear filters')).click();
  await page.getByLabel('Environment', { exact: true }).selectOption('sandbox');
  check((await shownCount()) === '1 of 3 keys shown', await shownCount());
  check((await rowWith('Sandbox trial').count()) === 1, 'the sandbox key is not shown');
  await page.getByRole('button', exact('Clear filters')).click();
  await page.getByRole('checkbox', exact('Never copied')).check();
  check((await shownCount()) === '2 of 3 keys shown', await shownCount());
  await page.getByRole('button', exact('Clear filters')).click();
  await page.getByRole('button', exact('Copies')).click();
  await page.getByRole('button', exact('Copies')).click();
  const first = await page.getByRole('row').nth(1).innerText();
  check(first.includes('Salesforce sync'), `sorting by copies, most first, puts ${first} first`);
});

step('Export CSV through the save dialog, then read the file', async () => {
  await page.getByRole('button', exact('Export CSV')).click();
  const status = page.getByRole('status').filter({ hasText: /^Saved 3 keys to / });
  await status.waitFor();
  const file = (await status.innerText()).trim().replace(/^Saved 3 keys to /, '').replace(/\.$/, '');
  check(path.dirname(file) === SAVE_DIR && existsSync(file), `no file at ${file}`);
  check((statSync(file).mode & 0o777) === 0o600, 'the export is not owner-only');
  const lines = readFileSync(file, 'utf8').trim().split('\n');
  check(lines[0].startsWith('id,name,environment,key,state'), `header: ${lines[0]}`);
  check(lines.length === 4, `${lines.length - 1} rows in the file`);
  const sync = lines.find((l) => l.includes('Salesforce sync'));
  check(sync && sync.includes(',active,') && sync.includes('Dana Tester'), `row: ${sync}`);
  check(!/prf_(test_)?[0-9A-Za-z]{36}/.test(readFileSync(file, 'utf8')), 'the export holds a secret');
});

step('Export the HTML report: one file, no script', async () => {
  await page.getByRole('button', exact('Export HTML report')).click();
  const status = page.getByRole('status').filter({ hasText: /\.html\.$/ });
  await status.waitFor();
  const file = (await status.innerText()).trim().replace(/^Saved 3 keys to /, '').replace(/\.$/, '');
  const html = readFileSync(file, 'utf8');
  check(html.includes('<svg') && !/<script/i.test(html), 'the report is not a self-contained page');
  const report = await ctx.newPage();
  await report.goto('file://' + file);
  check((await report.getByRole('heading', { level: 1 }).innerText()).includes('Inventory demo'), 'report heading');
  await report.close();
});

// ---------------------------------------------------------------- run

let passed = 0;
let failed = 0;
try {
  ctx = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--password-store=basic', '--allow-file-access-from-files'],
  });
  page = ctx.pages()[0] || (await ctx.newPage());
  page.setDefaultTimeout(TIMEOUT);
  page.on('pageerror', (e) => console.log(`      page error: ${e.message}`));
  for (const { title, fn } of steps) {
    try {
      await fn();
      passed++;
      console.log(`ok    ${title}`);
    } catch (e) {
      failed++;
      console.log(`FAIL  ${title}\n      ${e instanceof Failure ? e.message : (e?.stack ?? e)}`);
      mkdirSync(OUT, { recursive: true });
      await page?.screenshot({ path: path.join(OUT, 'e2e-failure.png'), fullPage: true }).catch(() => {});
      break;
    }
  }
  mkdirSync(OUT, { recursive: true });
  await page.screenshot({ path: path.join(OUT, 'e2e-inventory.png'), fullPage: true }).catch(() => {});
} finally {
  await ctx?.close().catch(() => {});
  rmSync(profile, { recursive: true, force: true });
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed === steps.length ? 0 : 1);
