// End-to-end test of the key lifecycle in headless Chromium against the app's dev build
// (real bound Go methods, real vault, real bbolt file, real clipboard on the app's X
// display): the clipboard cleared after the org's timeout, replace with a grace period and
// the "compromised" path, a check of every kind of pasted key, the audit log, and, with the
// app's clock moved a month ahead, the rotation flags and the end of a grace period.
//
// Run it with `make test-e2e` (scripts/e2e.sh), which passes WAILS_URL, APP_DISPLAY and
// PROOFKEYS_CLOCK_FILE.
// It prints one line per step and "N passed, N failed", and exits non-zero on a failure.
// Secrets are never printed.

import fs from 'node:fs';
import path from 'node:path';
import { OUT, X_DISPLAY, check, exact, page, requireEnv, run, sleep, step, until, xclip } from './harness.mjs';

// PROOFKEYS_CLOCK_FILE: a duration written there moves the app's clock ahead (app_clock_dev.go)
const [BASE, CLOCK_FILE] = requireEnv(['WAILS_URL', 'PROOFKEYS_CLOCK_FILE']);
const CLEAR_SECONDS = 10;
const KEY_RE = /^prf_(test_)?[0-9A-Za-z]{36}$/;

// A well-formed production key that no organization has: Proof's format, with its CRC32.
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
function crc32(s) {
  let c = ~0;
  for (const b of Buffer.from(s)) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}
function foreignKey() {
  let body = 'prf_';
  for (let i = 0; i < 30; i++) body += BASE62[Math.floor(Math.random() * 62)];
  let n = crc32(body);
  let sum = '';
  for (let i = 0; i < 6; i++) {
    sum = BASE62[n % 62] + sum;
    n = Math.floor(n / 62);
  }
  return body + sum;
}
// The key with one character changed, as a slip while copying would.
function slip(key, at) {
  return key.slice(0, at) + (key[at] === 'a' ? 'b' : 'a') + key.slice(at + 1);
}
const hintOf = (key) => `${key.startsWith('prf_test_') ? 'prf_test_' : 'prf_'}…${key.slice(-4)}`;

// ---------------------------------------------------------------- the page

async function goto(menuItem, heading) {
  await page.getByRole('link', exact('Settings')).click();
  await page.getByRole('link', exact(menuItem)).click();
  await page.getByRole('heading', exact(heading)).waitFor();
}

// The row of the key whose Key cell is hint (other rows may name it as their replacement).
const rowWith = (hint) => page.getByRole('row').filter({ has: page.getByRole('cell', exact(hint)) });
async function rowText(text) {
  const row = rowWith(text);
  await row.waitFor();
  return (await row.innerText()).replace(/\s+/g, ' ').trim();
}

const HINT_RE = /^prf_(test_)?…[0-9A-Za-z]{4}$/;

// The hints in the Key cells of the list shown (not the hints rows name as replacements).
async function hintsShown() {
  const cells = await page.getByRole('cell').allInnerTexts();
  return cells.map((t) => t.trim()).filter((t) => HINT_RE.test(t));
}

// Generate a key in the environment shown and return its hint: the one hint that was not
// listed before. Comparing hints, not row counts, stays right while a list is reloading.
async function generate() {
  const before = new Set(await hintsShown());
  await page.getByRole('button', exact('Generate Full Access Key')).click();
  return until(async () => (await hintsShown()).find((h) => !before.has(h)) ?? null, 'no new key listed after Generate');
}

// Copy the key whose row shows hint and return the secret read from the clipboard.
async function copy(hint) {
  const row = rowWith(hint);
  await row.getByRole('button', { name: /^Copy / }).click();
  return until(() => {
    const s = xclip('clipboard').trim();
    return KEY_RE.test(s) && hintOf(s) === hint ? s : null;
  }, `the clipboard does not hold the key ${hint}`, 5000);
}

async function replace(hint, choice) {
  await rowWith(hint).getByRole('button', { name: /^Replace / }).click();
  const dlg = page.getByRole('dialog');
  await dlg.waitFor();
  if (choice === 'compromised') {
    await dlg.getByRole('button', exact('Replace now and delete the old key')).click();
  } else {
    await dlg.getByRole('radio', exact(choice)).check();
    await dlg.getByRole('button', exact(`Replace, keep the old key for ${choice}`)).click();
  }
  await dlg.waitFor({ state: 'hidden' });
  return (await page.getByRole('status').filter({ hasText: /Replaced/ }).first().innerText()).trim();
}

// Paste a key into Check a key and return the answer's text.
async function checkKey(text, env = 'Production') {
  await page.getByLabel('Key the integration uses', { exact: true }).fill(text);
  await page.getByLabel('The integration works with', { exact: true }).selectOption({ label: env });
  await page.getByRole('button', exact('Check key')).click();
  const answer = page.locator('#check-answer');
  await answer.waitFor();
  const got = (await answer.locator('..').innerText()).replace(/\s+/g, ' ').trim();
  await page.getByRole('button', exact('Clear')).click();
  await answer.waitFor({ state: 'detached' });
  return got;
}

// ---------------------------------------------------------------- the steps

const s = {};

step('Set up an organization with API access (demo enablement)', async () => {
  await page.goto(BASE);
  await page.waitForFunction(() => window.go?.ui?.Session?.SetUpDemo);
  await page.evaluate(() =>
    window.go.ui.Session.SetUpDemo({ orgName: 'Lifecycle demo', name: 'Dana Tester', email: 'dana@example.com' }),
  );
  await page.reload();
  await page.getByRole('link', exact('Settings')).waitFor();
});

step(`Key policies: clear the clipboard after ${CLEAR_SECONDS} seconds, rotation every 30 days`, async () => {
  await goto('Organization', 'Organization');
  await page.getByLabel('Clear a copied key from the clipboard after', { exact: true }).selectOption(String(CLEAR_SECONDS));
  await page.getByLabel('Rotate keys every', { exact: true }).selectOption('30');
  await page.getByRole('button', exact('Save policies')).click();
  await page.getByRole('status').filter({ hasText: 'Saved the key policies.' }).waitFor();
});

step('Copy: on the clipboard only, a countdown, then cleared after the timeout', async () => {
  check(X_DISPLAY, 'no X display for the clipboard (APP_DISPLAY)');
  await goto('API Keys', 'API Keys');
  s.a = await generate();
  s.secretA = await copy(s.a);
  const t0 = Date.now();
  check(!xclip('primary').includes(s.secretA), 'the key is also in the PRIMARY (middle-click) selection');
  const countdown = await page.getByText(/is on the clipboard; it will be cleared in \d+ seconds?/).innerText();
  check(countdown.includes(s.a), `the countdown does not name the key ${s.a}: "${countdown}"`);
  await until(() => xclip('clipboard').trim() === '', 'the clipboard still holds the key after the timeout', (CLEAR_SECONDS + 5) * 1000);
  const took = (Date.now() - t0) / 1000;
  check(took >= CLEAR_SECONDS - 1.5, `the clipboard was cleared after ${took.toFixed(1)} s, before the ${CLEAR_SECONDS} s timeout`);
  await page.getByText(/is on the clipboard/).waitFor({ state: 'detached' });
  return `"${countdown.trim()}"; cleared after ${took.toFixed(1)} s`;
});

step('Replace with a 1-hour grace period: both rows, linked, "expires in"', async () => {
  const said = await replace(s.a, '1 hour');
  const rows = await page.getByRole('row').count();
  check(rows === 3, `expected 2 keys (3 rows with the header), found ${rows - 1}`);
  const old = await rowText(s.a);
  check(/Replaced by .*prf_…[0-9A-Za-z]{4}/.test(old), `the old row does not name its replacement: "${old}"`);
  check(/expires in (60 minutes|1 hour|59 minutes)/.test(old), `the old row does not say "expires in 1 hour": "${old}"`);
  check(/\(replaced, expires .+\)/.test(old), `the old row's name does not say it was replaced: "${old}"`);
  const first = page.getByRole('row').nth(1);
  const fresh = (await first.innerText()).replace(/\s+/g, ' ');
  check(await first.evaluate((r) => r.classList.contains('fresh')), 'the new key is not highlighted first in the list');
  check(fresh.includes(`Replaces`) && fresh.includes(s.a), `the new row does not point to the old key: "${fresh}"`);
  s.b = fresh.match(/prf_…[0-9A-Za-z]{4}/g).find((h) => h !== s.a);
  check(s.b, `no hint of the new key in "${fresh}"`);
  check(!(await rowWith(s.a).getByRole('button', { name: /^Replace / }).isEnabled()), 'the old key can be replaced twice');
  const outcome = page.getByRole('region', { name: /^New key: / });
  check((await outcome.innerText()).includes(s.b), `the message does not name the new key ${s.b}`);
  await outcome.getByRole('button', exact('Copy the new key')).click();
  s.secretB = await until(() => {
    const t = xclip('clipboard').trim();
    return KEY_RE.test(t) && hintOf(t) === s.b ? t : null;
  }, `the message's Copy button did not copy the new key ${s.b}`, 5000);
  await page.screenshot({ path: path.join(OUT, 'e2e-replaced.png') });
  // at the narrowest window the list keeps its actions in reach, without a page that scrolls sideways
  await page.setViewportSize({ width: 860, height: 700 });
  await page.screenshot({ path: path.join(OUT, 'e2e-replaced-860.png') });
  const sideways = await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
  await page.setViewportSize({ width: 1280, height: 900 });
  check(!sideways, 'at 860 px the page scrolls sideways');
  return `${said} | old: "${old}"`;
});

step('Compromised or exposed: replace now, the old key is gone at once, and what to do next', async () => {
  s.c = await generate();
  s.secretC = await copy(s.c);
  const said = await replace(s.c, 'compromised');
  check(/is deleted/.test(said) && /Copy the new key/.test(said), `the status does not say what to do next: "${said}"`);
  await until(async () => (await rowWith(s.c).count()) === 0, 'the exposed key is still listed');
  return said;
});

step('Delete a key, and a sandbox key to paste where production is expected', async () => {
  s.d = await generate();
  s.secretD = await copy(s.d);
  await rowWith(s.d).getByRole('button', { name: /^Delete / }).click();
  await page.getByRole('alertdialog').getByRole('button', exact('Delete key')).click();
  await until(async () => (await rowWith(s.d).count()) === 0, 'the deleted key is still listed');
  await page.getByRole('radiogroup', exact('Environment')).getByRole('radio', exact('Sandbox')).click();
  await until(async () => (await hintsShown()).length === 0, 'the Sandbox list did not replace the Production one');
  s.sandbox = await generate();
  s.secretS = await copy(s.sandbox);
});

step('Check a key: every kind of pasted key gets its answer', async () => {
  await goto('Check a key', 'Check a key');
  const cases = [
    ['the right key', s.secretB, 'Production', /an active production key/],
    ['replaced, in its grace period', s.secretA, 'Production', /replaced by .* stops working/],
    ['sandbox where production is expected', s.secretS, 'Production', /a sandbox key, .* expects a production key/],
    ['production where sandbox is expected', s.secretB, 'Sandbox', /a production key, .* expects a sandbox key/],
    ['deleted', s.secretD, 'Production', /deleted on .* by Dana Tester/],
    ['deleted at once (replaced as exposed)', s.secretC, 'Production', /deleted at once as exposed .* by Dana Tester/],
    ['checksum mismatch', slip(s.secretB, 20), 'Production', /probably a copy and paste error.*slip at character 21/],
    ['cut short', s.secretB.slice(0, 30), 'Production', /too short or too long/],
    ['bad prefix', 'sk_live_' + s.secretB.slice(4), 'Production', /not a Proof API key/],
    ['not of this organization', foreignKey(), 'Production', /not one of this organization's/],
  ];
  const seen = [];
  for (const [what, text, env, want] of cases) {
    const got = await checkKey(text, env);
    check(want.test(got), `${what}: the answer was "${got}"`);
    for (const secret of [s.secretA, s.secretB, s.secretC, s.secretD, s.secretS]) {
      check(!(await page.content()).includes(secret), `${what}: a pasted key stayed in the page after Clear`);
    }
    seen.push(what);
  }
  return `${seen.length} kinds answered`;
});

step('Audit log: the events, a filter, and the chain intact', async () => {
  await goto('Audit log', 'Audit log');
  await page.getByText('The log is intact').waitFor();
  const anchor = await page.locator('.anchor code').first().innerText();
  check(/^[0-9a-f]{64}$/.test(anchor), `no anchor to note down: "${anchor}"`);
  const table = page.getByRole('table');
  await table.waitFor();
  const text = await table.innerText();
  // each action in plain words (the codes stay in the exports), with no code or ID shown
  for (const action of ['Replaced a key', 'Deleted an exposed key at once', 'Copied a key', 'Deleted a key',
    'Changed the key policies']) {
    check(text.includes(action), `no "${action}" event in the log`);
  }
  const internal = /\S*(mem_|key_|member\.|org\.|key\.[a-z])\S*/;
  check(!internal.test(text), `the log shows an internal code or ID: ${text.match(internal)?.[0]}`);
  check(/Rotate keys every: \w+ (days )?→ 30 days/.test(text), 'the policy change is not in plain words');
  const count = page.locator('.count');
  const all = (await count.innerText()).trim();
  check(/^Events 1–(\d+) of \1\.$/.test(all), `the count line says "${all}"`);
  // the key filter: type, pick from the list with the keyboard, and only that key's events stay
  const keyField = page.getByRole('combobox', exact('Key'));
  await keyField.fill('');
  await keyField.press('ArrowDown');
  const options = page.getByRole('listbox', exact('Keys')).getByRole('option');
  await options.first().waitFor();
  await keyField.press('ArrowDown');
  await keyField.press('Enter');
  await until(
    async () => {
      const names = await table.locator('tbody tr td:nth-child(5)').allInnerTexts();
      return (await count.innerText()).trim() !== all && names.length > 0 && names.every((n) => n && n === names[0]);
    },
    'choosing a key in the key filter did not leave only its events',
  );
  await keyField.fill('');
  await until(async () => (await count.innerText()).trim() === all, 'emptying the key filter did not show every event again');
  await page.getByLabel('Action', { exact: true }).selectOption('key.replace');
  await until(async () => (await table.getByRole('row').count()) === 3, 'the action filter did not leave the 2 replaces');
  await page.screenshot({ path: path.join(OUT, 'e2e-lifecycle.png') });
  return all;
});

step('A month later: keys older than the 30-day policy are flagged and counted, and a flag opens Replace', async () => {
  fs.writeFileSync(CLOCK_FILE, `${31 * 24}h`);
  await goto('API Keys', 'API Keys');
  const notice = page.getByText(/older than your organization's rotation policy/);
  await notice.waitFor();
  const said = (await notice.innerText()).trim();
  const flags = page.getByRole('button', { name: /^Due for rotation: replace / });
  const n = await flags.count();
  check(n > 0 && said.startsWith(n === 1 ? '1 key is' : `${n} keys are`), `${n} flags, but the page says "${said}"`);
  await page.locator('#rotation-due').getByRole('button').click();
  await until(
    async () => (await page.getByRole('row').count()) === n + 1,
    `the banner's link does not show only the ${n} overdue keys`,
  );
  const name = (await flags.first().getAttribute('aria-label')).replace('Due for rotation: replace ', '');
  await flags.first().click();
  const dlg = page.getByRole('dialog');
  await dlg.getByRole('heading', exact(`Replace ${name}?`)).waitFor();
  await dlg.getByRole('button', exact('Cancel')).click();
  await until(async () => (await page.getByRole('dialog').count()) === 0, 'Cancel did not close the Replace dialog');
  return `"${said}"`;
});

step('The 1-hour grace period ends while the app runs: the old key is deleted within a tick', async () => {
  // the clock is a month ahead since the step before; the app deletes expired keys every 30 s
  await until(
    async () => {
      await sleep(1000);
      await goto('API Keys', 'API Keys');
      await rowWith(s.b).waitFor(); // the list has loaded: its replacement is there
      return (await rowWith(s.a).count()) === 0;
    },
    `the replaced key ${s.a} is still listed a month after its 1-hour grace period`,
    40000,
  );
  await goto('Check a key', 'Check a key');
  const got = await checkKey(s.secretA);
  check(/grace period ended/.test(got), `the expired key's answer was "${got}"`);
  await goto('Audit log', 'Audit log');
  await page.getByLabel('Action', { exact: true }).selectOption('key.expire');
  const rows = page.getByRole('table').getByRole('row');
  await until(async () => (await rows.count()) === 2, 'expected 1 key.expire event: this one (the exposed key was deleted, not expired)');
  return got;
});

await run({ viewport: { width: 1280, height: 900 } });
