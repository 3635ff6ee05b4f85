// End-to-end test of a shared organization: two dev builds (two computers: their own data
// folders and their own Secret Services) and one `proofkeys server`, driven in headless
// Chromium, one page per computer. Run it with scripts/e2e-shared.sh, which starts them and
// passes:
//   A_URL, B_URL         the two dev servers
//   APP_DISPLAY          the X display of both windows, for reading the clipboard
//   SERVER_BIN           the server build (go build -tags server)
//   SERVER_DIR           the server's data folder
//   SERVER_PORTS         its client, peer and join ports, comma separated
//   E2E_ROUNDS           how many times "generate on A, visible on B" is measured (default 20)
//
// A's Owner moves a demo organization to the server with the code it printed, invites Ben;
// Ben pastes the code on B's first screen; keys generated on A show on B's page (timed);
// the secret copied on B is the one copied on A (read from the X clipboard); with the
// server stopped B still shows its keys and inventory and refuses a new key in plain words;
// with the server started again, B catches up. The secret is never printed.

import { spawn } from 'node:child_process';
import { X_DISPLAY, check, ctx, exact, page, requireEnv, run, sleep, step, until, xclip } from './harness.mjs';

const [A_URL, B_URL, SERVER_BIN, SERVER_DIR, SERVER_PORTS] = requireEnv(
  ['A_URL', 'B_URL', 'SERVER_BIN', 'SERVER_DIR', 'SERVER_PORTS'],
  'scripts/e2e-shared.sh',
);
const [CLIENT_PORT, PEER_PORT, JOIN_PORT] = SERVER_PORTS.split(',');
const ROUNDS = Number(process.env.E2E_ROUNDS || 20);
const SECRET_RE = /^prf_[0-9A-Za-z]{36}$/;
const BEN_PASS = 'staple battery horse';

// ---------------------------------------------------------------- the server

let server = null;

// Starts the server; resolves with the first invite code it printed (invites > 0), or ''.
function startServer(invites) {
  const args = ['server', '--data-dir', SERVER_DIR, '--listen', '127.0.0.1', '--host', '127.0.0.1',
    '--client-port', CLIENT_PORT, '--peer-port', PEER_PORT, '--join-port', JOIN_PORT, '--org', 'e2e',
    '--invites', String(invites)];
  server = spawn(SERVER_BIN, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  server.stderr.on('data', (d) => process.stderr.write(`      server: ${d}`));
  return new Promise((resolve, reject) => {
    server.on('exit', (code) => reject(new Error(`the server exited (${code}) before it was ready: ${out}`)));
    server.stdout.on('data', (d) => {
      out += d;
      if (!out.includes('Stop it with Ctrl-C.')) return;
      resolve(out.match(/proofkeys-invite-1:\S+/)?.[0] ?? '');
    });
  });
}

async function stopServer() {
  const s = server;
  server = null;
  const gone = new Promise((resolve) => s.on('exit', resolve));
  s.kill('SIGTERM');
  await gone;
}

process.on('exit', () => server?.kill('SIGKILL'));

// ---------------------------------------------------------------- each computer's page

let a; // A's page (the harness's page)
let b; // B's page

const call = (p, struct, name, ...args) => p.evaluate(([s, n, x]) => window.go.ui[s][n](...x), [struct, name, args]);

async function open(p, url) {
  await p.goto(url);
  await p.waitForFunction(() => window.go?.ui?.Session?.GetState);
}

async function gotoPage(p, name) {
  await p.getByRole('link', exact('Settings')).first().click();
  await p.getByRole('link', exact(name)).first().click();
  await p.getByRole('heading', { level: 1, name }).waitFor();
}

// How many keys the API Keys page lists ("13 keys": the table draws only the rows in view).
const listedIn = () => Number(document.getElementById('keys-count')?.innerText.match(/(\d+) keys?\b/)?.[1] ?? 0);
const keyCount = (p) => p.evaluate(listedIn);

// ---------------------------------------------------------------- the steps

const s = {};

step('A: a demo organization, with an Admin passphrase and a member, Ben', async () => {
  await open(a, A_URL);
  s.owner = (await call(a, 'Session', 'SetUpDemo', { orgName: 'Shared demo', name: 'Olive Owner', email: 'olive@example.com' })).me;
  await call(a, 'Members', 'SetPassphrase', s.owner.id, '', 'correct horse battery');
  s.ben = await call(a, 'Members', 'AddMember',
    { name: 'Ben', email: 'ben@example.com', role: 'team_member', manageApiKeys: true, passphrase: BEN_PASS });
  await a.reload();
  return `owner ${s.owner.id}, member ${s.ben.id}`;
});

step('The server starts and prints the first invite code', async () => {
  s.first = await startServer(1);
  check(s.first.startsWith('proofkeys-invite-1:'), 'no invite code printed');
});

step('A: Organization page, the Owner moves the organization to the server', async () => {
  await gotoPage(a, 'Organization');
  await a.getByRole('button', exact('Move this organization to a server')).click();
  await a.getByLabel('Invite code from the server', { exact: true }).fill(s.first);
  await a.getByRole('button', exact('Move to the server')).click();
  await a.getByText(/This organization is shared through its server/).waitFor({ timeout: 30000 });
});

step("A: Members page, an invite code for Ben's computer", async () => {
  await gotoPage(a, 'Members');
  await a.getByLabel('Member', { exact: true }).selectOption({ label: 'Ben' });
  await a.getByRole('button', exact('Make invite code')).click();
  s.code = (await a.locator('.invite code').innerText({ timeout: 15000 })).trim();
  check(s.code.startsWith('proofkeys-invite-1:'), `no code shown: "${s.code.slice(0, 40)}"`);
});

step("B: first screen, Ben pastes the code and joins", async () => {
  b = await ctx.newPage();
  b.on('pageerror', (e) => console.log(`      B page error: ${e.message}`));
  await open(b, B_URL);
  await b.getByRole('button', exact('Join a shared organization')).click();
  await b.getByLabel('Invite code', { exact: true }).fill(s.code);
  await b.getByRole('button', exact('Join organization')).click();
  await until(() => b.getByText('Ben (Team member)').isVisible(), 'B did not open the app as Ben', 30000);
  await gotoPage(b, 'API Keys');
  await gotoPage(a, 'API Keys');
});

step(`Generate on A, visible on B: ${ROUNDS} rounds`, async () => {
  const onA = [];
  const onB = [];
  const grown = (p, n) => p.waitForFunction(
    (m) => Number(document.getElementById('keys-count')?.innerText.match(/(\d+) keys?\b/)?.[1] ?? 0) > m, n,
    { polling: 10, timeout: 10000 });
  await a.bringToFront(); // B's page is in the background, as another computer's screen would be
  for (let i = 0; i < ROUNDS; i++) {
    const before = await keyCount(b);
    const t0 = performance.now();
    const shownA = grown(a, before).then(() => onA.push(performance.now() - t0));
    const shownB = grown(b, before).then(() => onB.push(performance.now() - t0));
    await a.getByRole('button', exact('Generate Full Access Key')).click();
    await Promise.all([shownA, shownB]);
    await sleep(200);
  }
  const summary = (times) => {
    times.sort((x, y) => x - y);
    const at = (q) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)].toFixed(0);
    return `median ${at(0.5)}, p95 ${at(0.95)}, max ${at(1)}, min ${times[0].toFixed(0)}`;
  };
  s.keys = await keyCount(b);
  return `ms from the click on A: on B's page ${summary(onB)}; on A's own page ${summary(onA)} (${ROUNDS} rounds)`;
});

step("Copy on B gives the secret copied on A (the X clipboard)", async () => {
  check(X_DISPLAY, 'no X display for the clipboard (APP_DISPLAY)');
  const name = (await b.getByRole('button', { name: /^Settings for / }).first().getAttribute('aria-label'))
    .replace(/^Settings for /, '');
  await a.getByRole('button', exact(`Copy ${name}`)).click();
  const fromA = await until(() => { const t = xclip('clipboard').trim(); return SECRET_RE.test(t) ? t : null; },
    'A did not put a key on the clipboard', 10000);
  await b.getByRole('button', exact(`Copy ${name}`)).click();
  const fromB = await until(() => { const t = xclip('clipboard').trim(); return SECRET_RE.test(t) && t !== '' ? t : null; },
    'B did not put a key on the clipboard', 10000);
  await until(async () => (await b.getByText(/copied/i).count()) > 0, 'B does not say the key was copied');
  check(fromA === fromB, 'B copied another secret than A');
  return `"${name}"`;
});

step('The server stops: B still shows the keys and the inventory', async () => {
  await stopServer();
  await b.reload();
  await gotoPage(b, 'API Keys');
  await until(async () => (await keyCount(b)) === s.keys, `B does not list its ${s.keys} keys`);
  await gotoPage(b, 'Inventory');
  const shown = (await b.locator('#inventory-count').innerText()).trim();
  check(shown.includes(String(s.keys)), `the inventory shows "${shown}", not ${s.keys} keys`);
  return `inventory: "${shown}"`;
});

step('B: a new key is refused in plain words while the server is away', async () => {
  await gotoPage(b, 'API Keys');
  const t0 = Date.now();
  await b.getByRole('button', exact('Generate Full Access Key')).click();
  const alert = b.getByRole('alert').filter({ hasText: /cannot be reached/ });
  await alert.waitFor({ timeout: 30000 });
  check((await keyCount(b)) === s.keys, 'B lists a key the server never got');
  return `"${(await alert.innerText()).replace(/\s+/g, ' ').trim()}" after ${((Date.now() - t0) / 1000).toFixed(1)} s`;
});

step('The server starts again: a key made on A reaches B', async () => {
  await startServer(0);
  const t0 = Date.now();
  await until(async () => {
    await a.getByRole('button', exact('Generate Full Access Key')).click();
    return until(async () => (await keyCount(a)) > s.keys, 'A', 12000).then(() => true, () => false);
  }, 'A could not generate once the server was back', 60000);
  await until(async () => (await keyCount(b)) > s.keys, 'B did not catch up', 30000);
  return `after ${((Date.now() - t0) / 1000).toFixed(1)} s`;
});

// Two pages of one browser stand for two screens: the one in the background must not be
// slowed down (Chromium throttles the timers of a hidden page).
await run({
  viewport: { width: 1280, height: 800 },
  args: ['--disable-background-timer-throttling', '--disable-renderer-backgrounding',
    '--disable-backgrounding-occluded-windows'],
  onOpen: (p) => {
    a = p;
  },
});
await stopServer().catch(() => {});
