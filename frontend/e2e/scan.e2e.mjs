// End-to-end test of Scan for exposed keys in headless Chromium against the app's dev build
// (real bound Go methods, real vault, real bbolt file, real clipboard on the app's X
// display): two keys made through the app and their secrets read from the clipboard, one of
// them deleted, both planted in a folder with a one-character typo of the live one; then the
// Scan page picks the folder (the dev build's folder picker answers with it), says which key
// is live and which is harmless, counts the typo apart, and replaces the live key.
//
// Run it with `make test-e2e` (scripts/e2e.sh), which passes WAILS_URL and APP_DISPLAY and
// sets PROOFKEYS_FOLDER_DIALOG_DIR: the dev build's folder picker answers with that folder
// (standin_dev.go). It prints one line per step and "N passed, N failed", and exits non-zero
// on a failure.

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { OUT, X_DISPLAY, check, exact, page, requireEnv, run, step, until, xclip } from './harness.mjs';

const [BASE, FOLDER] = requireEnv(['WAILS_URL', 'PROOFKEYS_FOLDER_DIALOG_DIR']);
const KEY_RE = /^prf_(test_)?[0-9A-Za-z]{36}$/;
const s = {};

// call runs a bound Go method in the page, as the UI does.
const call = (struct, name, ...args) =>
  page.evaluate(([s, n, a]) => window.go.ui[s][n](...a), [struct, name, args]);

const rowWith = (text) => page.getByRole('row').filter({ hasText: text });

// makeKey generates a production key named name and returns it with its secret, copied
// through the app and read from the clipboard.
async function makeKey(name) {
  const k = await call('Keys', 'GenerateKey', 'production');
  await call('Keys', 'SaveKeySettings', k.id, { ...k.settings, name });
  await call('Keys', 'CopyKey', k.id);
  const secret = await until(() => {
    const c = xclip('clipboard').trim();
    return KEY_RE.test(c) && c.endsWith(k.hint.slice(-4)) ? c : null;
  }, `the clipboard does not hold the key ${k.hint}`, 5000);
  return { ...k, name, secret };
}

step('Plant a live key, a deleted key and a typo in a folder', async () => {
  check(X_DISPLAY, 'no X display for the clipboard (APP_DISPLAY)');
  await page.goto(BASE);
  await page.waitForFunction(() => window.go?.ui?.Session?.SetUpDemo);
  await call('Session', 'SetUpDemo', { orgName: 'Scan demo', name: 'Dana Tester', email: 'dana@example.com' });
  s.live = await makeKey('Website checkout');
  s.old = await makeKey('Old report script');
  await call('Keys', 'DeleteKey', s.old.id);
  const last = s.live.secret.at(-1);
  s.typo = s.live.secret.slice(0, -1) + (last === 'a' ? 'b' : 'a');
  mkdirSync(path.join(FOLDER, 'config'), { recursive: true });
  writeFileSync(path.join(FOLDER, 'config', 'app.env'), `# checkout\nPROOF_API_KEY=${s.live.secret}\n`);
  writeFileSync(path.join(FOLDER, 'report.sh'), `export PROOF_KEY="${s.old.secret}"\n`);
  writeFileSync(path.join(FOLDER, 'notes.txt'), `the key with a slip: ${s.typo}\n`);
  await page.reload();
});

step('Settings > Scan for exposed keys scans the chosen folder', async () => {
  await page.getByRole('link', exact('Settings')).click();
  await page.getByRole('link', exact('Scan for exposed keys')).click();
  await page.getByRole('heading', exact('Scan for exposed keys')).waitFor();
  await page.getByRole('button', exact('Choose a folder…')).click();
  await page.getByText(FOLDER, { exact: true }).waitFor();
  await page.getByRole('button', exact('Start scan')).click();
  await page.getByRole('table', exact('Keys found, where they are and what to do')).waitFor();
  return (await page.getByRole('status').innerText()).trim();
});

step('Each key gets its verdict in plain words; the typo is counted apart', async () => {
  const live = (await rowWith('config/app.env').innerText()).replace(/\s+/g, ' ');
  check(live.includes('This key is live: replace it now'), `the live key's row: ${live}`);
  check(live.includes('Website checkout') && live.includes(`…${s.live.secret.slice(-4)}`), `row: ${live}`);
  check(live.includes('line 2, column 15'), `row: ${live}`);
  const old = (await rowWith('report.sh').innerText()).replace(/\s+/g, ' ');
  check(old.includes('Harmless now: this key was deleted'), `the deleted key's row: ${old}`);
  check((await rowWith('report.sh').getByRole('button').count()) === 0, 'a deleted key offers a replace');
  await page.getByRole('heading', exact('Text that looks like a key with a typo')).waitFor();
  const results = (await page.getByRole('main').innerText()).replace(/\s+/g, ' ');
  check(results.includes('1 place holds text shaped like a key with a character wrong.'), `results: ${results}`);
  check(results.includes('in notes.txt, line 1'), `the typo's place is not shown: ${results}`);
  const html = await page.content();
  for (const secret of [s.live.secret, s.old.secret, s.typo]) {
    check(!html.includes(secret), 'a secret, or the typo, is in the page');
  }
  await page.screenshot({ path: path.join(OUT, 'e2e-scan.png'), fullPage: true });
});

step('Replace now, after a confirm, deletes the live key and a new scan calls it harmless', async () => {
  await rowWith('config/app.env').getByRole('button', exact('Replace Website checkout now and delete the old key')).click();
  const dlg = page.getByRole('alertdialog');
  await dlg.waitFor();
  await dlg.getByRole('button', exact('Replace now and delete the old key')).click();
  await dlg.waitFor({ state: 'detached' });
  await rowWith('config/app.env').getByText('Replaced: this copy no longer works').waitFor();
  await page.getByRole('button', exact('Start scan')).click();
  await until(async () => {
    const row = rowWith('config/app.env');
    return (await row.count()) === 1 && (await row.innerText()).includes('Harmless now: this key was deleted');
  }, 'the second scan does not call the replaced key harmless');
  await page.screenshot({ path: path.join(OUT, 'e2e-scan-replaced.png'), fullPage: true });
});

await run({ viewport: { width: 1280, height: 900 } });
