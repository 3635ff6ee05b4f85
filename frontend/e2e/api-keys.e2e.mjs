// End-to-end test of the API Keys page: the help article's steps, clicked through in headless
// Chromium against the app's dev build, which serves the real UI and the real bound Go methods
// (real vault, real bbolt file, real clipboard on the app's X display).
//
// Run it with `make test-e2e` (scripts/e2e.sh): that starts a private Xvfb, bus, keyring and
// data folder, then the dev server, and passes:
//   WAILS_URL      the dev server, e.g. http://127.0.0.1:34115 (required)
//   APP_DISPLAY    the X display of the app's window, for reading its clipboard (default DISPLAY)
//   E2E_OUT_DIR    where screenshots go (default build/ at the repo root)
//   CHROMIUM_PATH  the browser (default /usr/bin/chromium, Debian's package)
//
// Elements are found by role and accessible name, as a screen reader would: the test is also
// a check that the page can be used that way. It prints one line per step and a final
// "N passed, N failed" line, and exits non-zero on any failure. The secret is never printed.

import path from 'node:path';
import { OUT, X_DISPLAY, Failure, check, exact, page, requireEnv, root, run, sleep, step, until, xclip }
  from './harness.mjs';
import { enableOnOrganizationPage } from './proof-staff.mjs';

const [BASE] = requireEnv(['WAILS_URL']);

const ORG = 'Acme Test Org';
const ME = 'Dana Tester';
const EMAIL = 'dana@example.com';
const RENAMED = 'Salesforce sync';
const MARKUP = '<img src=x onerror=alert(1)>';
const SECRET_RE = /^prf_[0-9A-Za-z]{36}$/;
const HINT_RE = /prf_(test_)?…([0-9A-Za-z]{4})/;

// ---------------------------------------------------------------- small helpers

// Something to click with this name: a link, a button, a menu item or a tab.
function clickable(scope, name) {
  return scope
    .getByRole('link', exact(name))
    .or(scope.getByRole('button', exact(name)))
    .or(scope.getByRole('menuitem', exact(name)))
    .or(scope.getByRole('tab', exact(name)))
    .first();
}

// Fill a text or number field, or pick an option of a select.
async function setField(field, value) {
  await field.waitFor();
  const tag = await field.evaluate((el) => el.tagName.toLowerCase());
  if (tag === 'select') await field.selectOption(String(value));
  else await field.fill(String(value));
}

// The message a field shows for an error, or '' if it shows none. Looks where an accessible
// form puts it (aria-errormessage, aria-describedby), then next to the field.
async function fieldError(field) {
  return field.evaluate((el) => {
    const visible = (n) => n && n.getClientRects().length > 0 && getComputedStyle(n).visibility !== 'hidden';
    const ids = `${el.getAttribute('aria-errormessage') || ''} ${el.getAttribute('aria-describedby') || ''}`
      .split(/\s+/)
      .filter(Boolean);
    const texts = ids
      .map((id) => document.getElementById(id))
      .filter(visible)
      .map((n) => n.innerText.trim())
      .filter(Boolean);
    const invalid = el.getAttribute('aria-invalid') === 'true';
    if (texts.length && invalid) return texts.join(' ');
    // no link from the field: an alert or error element in its nearest containers
    let box = el.parentElement;
    for (let i = 0; i < 3 && box && box.getAttribute('role') !== 'dialog'; i++, box = box.parentElement) {
      const found = [...box.querySelectorAll('[role=alert], [class*="error" i], [id*="error" i]')]
        .filter((n) => n !== el && visible(n) && n.innerText.trim());
      if (found.length) return found.map((n) => n.innerText.trim()).join(' ');
    }
    return invalid && texts.length ? texts.join(' ') : '';
  });
}

const mask = (s) => (s.length > 8 ? `${s.slice(0, 4)}${'*'.repeat(s.length - 8)}${s.slice(-4)}` : '****');

// ---------------------------------------------------------------- the browser

const traffic = []; // every response body and websocket frame the page saw
const pending = [];
const dialogs = [];

// Records what reaches the page (to look for the secret in it), dismisses and records its
// dialogs, and prints failed requests and console errors.
function watch() {
  page.on('response', (r) => {
    if (r.status() >= 400) console.log(`      HTTP ${r.status()} ${r.request().method()} ${r.url()}`);
    pending.push(
      r.body().then(
        (b) => traffic.push({ where: r.url(), text: b.toString('utf8') }),
        () => {},
      ),
    );
  });
  page.on('websocket', (ws) => {
    ws.on('framereceived', (f) => traffic.push({ where: `${ws.url()} (received)`, text: String(f.payload) }));
    ws.on('framesent', (f) => traffic.push({ where: `${ws.url()} (sent)`, text: String(f.payload) }));
  });
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  page.on('console', (m) => {
    const where = m.location()?.url || '';
    // Chromium asks for /favicon.ico on its own; the app has none to serve.
    if (m.type() === 'error' && !where.endsWith('/favicon.ico')) {
      console.log(`      console error: ${m.text()}${where ? ` (${where})` : ''}`);
    }
  });
}

// ---------------------------------------------------------------- the page, as a person sees it

const apiKeysHeading = () => page.getByRole('heading', exact('API Keys'));
const generateButton = () => page.getByRole('button', exact('Generate Full Access Key'));

async function gotoApiKeys() {
  if (await apiKeysHeading().isVisible().catch(() => false)) return;
  await clickable(page, 'Settings').click();
  await clickable(page, 'API Keys').click();
  await apiKeysHeading().waitFor();
  await generateButton().waitFor();
}

// Names of the keys in the list, read from their "Settings for NAME" buttons in one go:
// counting the buttons and then reading each one apart raced a list that changed in
// between (an environment switch), and waited out the whole timeout on a button gone.
async function keyNames() {
  return page
    .getByRole('button', { name: /^Settings for / })
    .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label').replace(/^Settings for /, '')));
}

// The list row of a key: the row (or list item) holding its settings button.
function rowFor(name) {
  return page
    .getByRole('row')
    .or(page.getByRole('listitem'))
    .filter({ has: page.getByRole('button', exact(`Settings for ${name}`)) })
    .first();
}

async function rowText(name) {
  const row = rowFor(name);
  await row.waitFor();
  return (await row.innerText()).replace(/\s+/g, ' ').trim();
}

// Click "Generate Full Access Key" and return the name of the new row.
async function generate() {
  const before = await keyNames();
  await generateButton().click();
  const after = await until(async () => {
    const now = await keyNames();
    return now.length === before.length + 1 ? now : null;
  }, `no new row after "Generate Full Access Key" (had ${before.length})`);
  const left = [...before];
  const added = after.filter((n) => {
    const i = left.indexOf(n);
    if (i >= 0) {
      left.splice(i, 1);
      return false;
    }
    return true;
  });
  check(added.length === 1, `cannot tell the new row apart: ${JSON.stringify(after)}`);
  return added[0];
}

async function openSettings(name) {
  await page.getByRole('button', exact(`Settings for ${name}`)).click();
  const dlg = page.getByRole('dialog');
  await dlg.waitFor();
  return dlg;
}

async function closeDialog(dlg) {
  await page.keyboard.press('Escape');
  if (await dlg.isVisible().catch(() => false)) {
    await dlg.getByRole('button', { name: /^(cancel|close)$/i }).first().click();
  }
  await dlg.waitFor({ state: 'hidden' });
}

async function saveExpectingError(dlg, label, what) {
  await dlg.getByRole('button', exact('Save')).click();
  const field = dlg.getByLabel(label, { exact: true });
  const msg = await until(() => fieldError(field), `no error shown next to "${label}" for ${what}`, 5000);
  check(await dlg.isVisible(), `the dialog closed although ${what}`);
  return msg;
}

// ---------------------------------------------------------------- the steps

const state = {};

step('First run: create the organization', async () => {
  await page.goto(BASE);
  await page.getByLabel('Organization name', { exact: true }).fill(ORG);
  await page.getByLabel('Your name', { exact: true }).fill(ME);
  await page.getByLabel('Email', { exact: true }).fill(EMAIL);
  await page.getByRole('button', exact('Create organization')).click();
  await until(() => clickable(page, 'Settings').isVisible(), 'the app did not show its navigation after setup');
  return `"${ORG}", owner "${ME}"`;
});

step('Proof enables API access: staff key trusted, signed code applied', async () => {
  const { orgId } = await enableOnOrganizationPage(page, 'api_access');
  return `for ${orgId}`;
});

step('Settings, then API Keys in the Settings menu', async () => {
  await clickable(page, 'Settings').click();
  await clickable(page, 'API Keys').click();
  await apiKeysHeading().waitFor();
  await generateButton().waitFor();
  check(await generateButton().isEnabled(), '"Generate Full Access Key" is disabled');
  check((await keyNames()).length === 0, 'a new organization already has keys');
});

step('Generate Full Access Key: a new row with name, hint, date and creator', async () => {
  const name = await generate();
  const text = await rowText(name);
  const m = text.match(HINT_RE);
  check(m, `no hint like prf_…XXXX in the row: "${text}"`);
  check(!m[1], `a production key has a sandbox hint: ${m[0]}`);
  check(text.includes(ME), `the row does not name its creator "${ME}": "${text}"`);
  const year = String(new Date().getFullYear());
  check(text.includes(year) || /\d{4}-\d{2}-\d{2}/.test(text), `the row shows no created date: "${text}"`);
  state.first = name;
  state.last4 = m[2];
  return `"${name}" ${m[0]}`;
});

step('Settings for the key: validation, save, and it survives a reload', async () => {
  const dlg = await openSettings(state.first);
  await setField(dlg.getByLabel('Name', { exact: true }), RENAMED);
  await setField(dlg.getByLabel('Minimum signers', { exact: true }), 3);
  await setField(dlg.getByLabel('Maximum signers', { exact: true }), 2);
  const e1 = await saveExpectingError(dlg, 'Maximum signers', 'minimum 3 > maximum 2');
  await setField(dlg.getByLabel('Minimum signers', { exact: true }), 2);
  await setField(dlg.getByLabel('Maximum signers', { exact: true }), 3);
  const url = dlg.getByLabel('Redirect URL', { exact: true });
  if (await url.isDisabled()) {
    // the URL may wait for the redirect switch
    await dlg.getByRole('checkbox', { name: /redirect/i }).or(dlg.getByRole('switch', { name: /redirect/i })).first().check();
  }
  await setField(url, 'http://x.example');
  const e2 = await saveExpectingError(dlg, 'Redirect URL', 'the redirect URL is http');
  await setField(url, 'https://example.com/done');
  await dlg.getByRole('button', exact('Save')).click();
  await dlg.waitFor({ state: 'hidden' }).catch(async () => {
    const errs = await dlg.innerText().catch(() => '');
    throw new Failure(`the dialog stayed open after a valid Save: "${errs.replace(/\s+/g, ' ').slice(0, 300)}"`);
  });
  await rowFor(RENAMED).waitFor();
  check(!(await keyNames()).includes(state.first), `the old name "${state.first}" is still listed`);

  await page.reload();
  await gotoApiKeys();
  await until(async () => (await keyNames()).includes(RENAMED), `"${RENAMED}" is gone after a reload`);
  const again = await openSettings(RENAMED);
  const vals = {
    min: await again.getByLabel('Minimum signers', { exact: true }).inputValue(),
    max: await again.getByLabel('Maximum signers', { exact: true }).inputValue(),
    url: await again.getByLabel('Redirect URL', { exact: true }).inputValue(),
  };
  check(vals.min === '2' && vals.max === '3' && vals.url === 'https://example.com/done',
    `saved settings not kept after a reload: ${JSON.stringify(vals)}`);
  await closeDialog(again);
  return `errors shown: "${e1}" / "${e2}"`;
});

step('Copy: the secret goes to the clipboard and nowhere else', async () => {
  check(X_DISPLAY, 'no X display for the clipboard (APP_DISPLAY)');
  const last4 = (await rowText(RENAMED)).match(HINT_RE)[2];
  await page.getByRole('button', exact(`Copy ${RENAMED}`)).click();
  const status = page.getByRole('status').filter({ hasText: /copied/i })
    .or(page.getByRole('alert').filter({ hasText: /copied/i }))
    .or(page.getByText(/copied/i))
    .first();
  await status.waitFor().catch(() => {
    throw new Failure('no status saying the key was copied');
  });
  const statusText = (await status.innerText()).trim();
  const secret = await until(() => {
    const s = xclip('clipboard').trim();
    return SECRET_RE.test(s) ? s : null;
  }, 'the clipboard does not hold a production key (prf_ + 36 base62 characters)', 5000);
  check(secret.endsWith(last4), `the clipboard's key ends with ${secret.slice(-4)}, the row shows …${last4}`);
  check(!xclip('primary').includes(secret), 'the secret is also in the PRIMARY (middle-click) selection');
  const targets = xclip('clipboard', 'TARGETS').split('\n').filter(Boolean);

  await Promise.all(pending);
  const html = await page.content();
  check(!html.includes(secret), 'the secret is in the page HTML');
  const storage = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  check(!storage.includes(secret), 'the secret is in the browser storage');
  const leak = traffic.find((t) => t.text.includes(secret));
  check(!leak, `the secret went over the network to the page: ${leak && leak.where}`);
  state.secret = secret;
  return `"${statusText}"; clipboard ${mask(secret)}; targets: ${targets.join(', ') || '?'}; ` +
    `checked ${traffic.length} responses/frames`;
});

step('Delete a second key: confirm, gone, and still gone after a reload', async () => {
  const name = await generate();
  await page.getByRole('button', exact(`Delete ${name}`)).click();
  const confirm = page.getByRole('alertdialog').or(page.getByRole('dialog')).first();
  await confirm.waitFor();
  const said = (await confirm.innerText()).replace(/\s+/g, ' ').trim();
  check(said.includes(name), `the confirmation does not name "${name}": "${said}"`);
  await confirm.getByRole('button', exact('Delete key')).click();
  await confirm.waitFor({ state: 'hidden' });
  await until(async () => !(await keyNames()).includes(name), `"${name}" is still listed after Delete key`);
  await page.reload();
  await gotoApiKeys();
  await until(async () => (await keyNames()).includes(RENAMED), `"${RENAMED}" is missing after a reload`);
  check(!(await keyNames()).includes(name), `"${name}" is back after a reload`);
  return `"${name}"`;
});

const envGroup = () => page.getByRole('radiogroup', exact('Environment'));
async function switchEnv(label) {
  const radio = envGroup().getByRole('radio', exact(label));
  await radio.click();
  await until(() => radio.isChecked(), `"${label}" is not selected after clicking it`);
}

step('Sandbox: its own empty list; a new key is prf_test_…', async () => {
  await switchEnv('Sandbox');
  await until(async () => (await keyNames()).length === 0, 'the Sandbox list is not empty', 5000);
  const name = await generate();
  const m = (await rowText(name)).match(HINT_RE);
  check(m && m[1], `the sandbox key's hint is not prf_test_…: "${m ? m[0] : await rowText(name)}"`);
  state.sandbox = name;
  return `"${name}" ${m[0]}`;
});

step('Markup in a key name shows as plain text', async () => {
  const dlg = await openSettings(state.sandbox);
  await setField(dlg.getByLabel('Name', { exact: true }), MARKUP);
  await dlg.getByRole('button', exact('Save')).click();
  await dlg.waitFor({ state: 'hidden' });
  const text = await rowText(MARKUP);
  check(text.includes(MARKUP), `the row does not show the name literally: "${text}"`);
  check((await page.locator('img[src="x"]').count()) === 0, 'the name became an <img> element');
  await sleep(500);
  check(dialogs.length === 0, `a dialog opened: ${dialogs.join('; ')}`);
});

step('Production again: only the production keys', async () => {
  await switchEnv('Production');
  const names = await until(async () => {
    const n = await keyNames();
    return n.includes(RENAMED) ? n : null;
  }, `"${RENAMED}" is not listed in Production`);
  check(names.length === 1, `Production lists ${JSON.stringify(names)}, expected only "${RENAMED}"`);
  const text = await rowText(RENAMED);
  check(!text.includes('prf_test_'), `a sandbox hint in Production: "${text}"`);
  if (state.secret) {
    // the copied secret never reached the page later either (lists, reloads, renames)
    await Promise.all(pending);
    check(!(await page.content()).includes(state.secret), 'the secret is in the page HTML');
    const leak = traffic.find((t) => t.text.includes(state.secret));
    check(!leak, `the secret went over the network to the page: ${leak && leak.where}`);
  }
  const shot = path.join(OUT, 'e2e-api-keys.png');
  await page.screenshot({ path: shot });
  return `${traffic.length} responses/frames free of the secret; screenshot ${path.relative(root, shot)}`;
});

// The list holds only the rows in view and asks Go for blocks of 100 as it scrolls: far
// down a list of a few hundred keys, rows past the first block are drawn, not left loading.
const MANY = 260;
step(`A few hundred keys: search, and rows far down drawn when scrolled to`, async () => {
  await switchEnv('Sandbox');
  await page.evaluate(async (n) => {
    for (let i = 0; i < n; i++) await window.go.ui.Keys.GenerateKey('sandbox');
  }, MANY);
  await page.reload();
  await gotoApiKeys();
  await switchEnv('Sandbox');
  const count = page.locator('#keys-count');
  const total = MANY + 1;
  await until(async () => (await count.innerText()).trim() === `${total} keys`, `the count does not say ${total} keys`);

  // the search is answered by Go: wait for its count, then for its rows
  const search = page.getByRole('searchbox', exact('Search by name, key or creator'));
  await search.fill(MARKUP.slice(0, 8));
  await until(async () => /^1 of \d+ keys shown/.test((await count.innerText()).trim()), 'the search did not leave 1 key');
  await until(async () => (await keyNames()).join() === MARKUP, `the search shows ${JSON.stringify(await keyNames())}`);
  await page.getByRole('button', exact('Show all keys')).first().click();
  await until(async () => (await count.innerText()).trim() === `${total} keys`, 'Show all keys did not show every key');

  const table = page.getByRole('region', exact('Sandbox keys'));
  await table.evaluate((el) => (el.scrollTop = el.scrollHeight));
  // the last rows, in the third block: their names come from Go, and nothing stays loading
  const last = page.locator(`tr[aria-rowindex="${total + 1}"]`);
  // the oldest key is the first one made in Sandbox, renamed to markup above
  await until(async () => (await last.innerText().catch(() => '')).includes(MARKUP), `row ${total} is not drawn`);
  await until(async () => (await page.getByText('Loading…').count()) === 0, 'rows stay "Loading…" after scrolling down');
  // a Sandbox key's hint (prf_test_…ABCD) is how a person tells keys apart: never cut
  const cut = await page.locator('code.hint').evaluateAll((els) => els.map((e) => e.parentElement.scrollWidth - e.parentElement.clientWidth));
  check(cut.length > 0 && cut.every((px) => px <= 0), `hints are cut: ${JSON.stringify(cut)} px beyond their cell`);
  const names = await keyNames();
  check(names.length > 0 && names.length < 40, `${names.length} rows are drawn, expected only those in view`);
  await table.evaluate((el) => (el.scrollTop = el.scrollHeight / 2));
  const middle = page.locator(`tr[aria-rowindex="${Math.round(total / 2) + 1}"]`);
  await until(async () => /Full access key/.test(await middle.innerText().catch(() => '')), 'the middle of the list is not drawn');
  await until(async () => (await page.getByText('Loading…').count()) === 0, 'rows stay "Loading…" in the middle');
  return `${total} keys; rows drawn at ${total} and ${Math.round(total / 2)}; ${names.length} rows in the page`;
});

await run({ viewport: { width: 1280, height: 800 }, onOpen: watch });
