// End-to-end test of the key inventory in headless Chromium against the app's dev build
// (real bound Go methods, real vault, real bbolt file): keys made, copied and deleted
// through the app, then the Inventory page filtered, sorted and exported to CSV through
// the save dialog's stand-in, and the file read back.
//
// Run it with `make test-e2e` (scripts/e2e.sh), which passes WAILS_URL and sets
// PROOFKEYS_SAVE_DIALOG_DIR: the dev build's save dialog answers with a file in that folder
// (app_dialog_dev.go). It prints one line per step and "N passed, N failed", and exits
// non-zero on a failure.

import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { OUT, check, ctx, exact, page, requireEnv, run, step } from './harness.mjs';

const [BASE, SAVE_DIR] = requireEnv(['WAILS_URL', 'PROOFKEYS_SAVE_DIALOG_DIR']);
const s = {};

// call runs a bound Go method in the page, as the UI does.
const call = (struct, name, ...args) =>
  page.evaluate(([s, n, a]) => window.go.ui[s][n](...a), [struct, name, args]);

const shownCount = async () => (await page.locator('#inventory-count').innerText()).trim();
const rowWith = (text) => page.getByRole('row').filter({ hasText: text });

step('Set up an organization with API access, three keys, a copy and a deletion', async () => {
  await page.goto(BASE);
  await page.waitForFunction(() => window.go?.ui?.Session?.SetUpDemo);
  await call('Session', 'SetUpDemo', { orgName: 'Inventory demo', name: 'Dana Tester', email: 'dana@example.com' });
  const names = ['Salesforce sync', 'Nightly script', 'Sandbox trial'];
  const envs = ['production', 'production', 'sandbox'];
  s.keys = [];
  for (let i = 0; i < names.length; i++) {
    const k = await call('Keys', 'GenerateKey', envs[i]);
    await call('Keys', 'SaveKeySettings', k.id, { ...k.settings, name: names[i] });
    s.keys.push({ ...k, name: names[i] });
  }
  await call('Keys', 'CopyKey', s.keys[0].id);
  await call('Keys', 'CopyKey', s.keys[0].id);
  await call('Keys', 'DeleteKey', s.keys[1].id);
  await page.reload();
});

step('Settings > Inventory shows the summary, the age chart and every key', async () => {
  await page.getByRole('link', exact('Settings')).click();
  await page.getByRole('link', exact('Inventory')).click();
  await page.getByRole('heading', exact('Inventory')).waitFor();
  const summary = await page.getByRole('list', exact('Summary')).innerText();
  check(/2\s*in use/.test(summary), `summary: ${summary}`);
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
  const text = readFileSync(file, 'utf8');
  // a byte-order mark first, so that Excel on Windows reads the file as UTF-8 (before trim(),
  // which removes it too)
  check(text.startsWith('\uFEFF'), 'the CSV does not start with a byte-order mark');
  const lines = text.replace(/^\uFEFF/, '').trim().split('\n');
  check(lines[0].startsWith('id,name,environment,key,state'), `header: ${lines[0]}`);
  check(lines.length === 4, `${lines.length - 1} rows in the file`);
  const sync = lines.find((l) => l.includes('Salesforce sync'));
  check(sync && sync.includes(',active,') && sync.includes('Dana Tester'), `row: ${sync}`);
  check(!/prf_(test_)?[0-9A-Za-z]{36}/.test(readFileSync(file, 'utf8')), 'the export holds a secret');
  // a CSV cannot say what it is about: a companion file does
  const about = file.replace(/\.csv$/, '.about.txt');
  check(existsSync(about) && readFileSync(about, 'utf8').includes('Inventory demo'), `no ${about} naming the organization`);
  check((statSync(about).mode & 0o777) === 0o600, 'the about file is not owner-only');
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
  await page.screenshot({ path: path.join(OUT, 'e2e-inventory.png'), fullPage: true });
});

await run({ viewport: { width: 1280, height: 900 }, args: ['--allow-file-access-from-files'] });
