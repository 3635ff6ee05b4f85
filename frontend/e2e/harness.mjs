// What every end-to-end test (*.e2e.mjs) and the UI benchmark (search.bench.mjs) share:
// the settings read from the environment, the assertions, the headless Chromium they drive,
// and the runner that prints one line per step and a final summary.
//
// A test file registers its steps with step(), then calls run():
//
//   import { page, step, run, check, exact } from './harness.mjs';
//   step('The heading is there', async () => { ... });
//   await run({ viewport: { width: 1280, height: 800 } });
//
// `page` and `ctx` are live bindings: they hold the browser's page and context once run()
// has started Chromium, so helpers defined before that can use them in their bodies.
// This file's name does not end in .e2e.mjs, so scripts/e2e.sh does not run it as a test.

import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// ---------------------------------------------------------------- settings

/** The repository's root folder. */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The browser (default: Debian's package). */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
/** Where screenshots go (default build/ at the repo root). */
export const OUT = process.env.E2E_OUT_DIR || path.join(root, 'build');
/** How long to wait for an element or a condition, in ms. */
export const TIMEOUT = Number(process.env.E2E_TIMEOUT_MS || 10000);
/** The X display of the app's window, for reading its clipboard. */
export const X_DISPLAY = process.env.APP_DISPLAY || process.env.DISPLAY || '';

/**
 * The values of the environment variables `names`, which the runner script passes. If one
 * is missing, says which script to run instead (`how`) and exits with status 2.
 */
export function requireEnv(names, how = 'scripts/e2e.sh (make test-e2e)') {
  const values = names.map((n) => process.env[n]);
  if (values.some((v) => !v)) {
    console.error(`${names.join(' or ')} is not set: run this through ${how}`);
    process.exit(2);
  }
  return values;
}

// ---------------------------------------------------------------- assertions

/** A failed check: the runner prints its message alone, without a stack. */
export class Failure extends Error {}

/** Fails the step with msg unless cond holds. */
export function check(cond, msg) {
  if (!cond) throw new Failure(msg);
}

/** Options for getByRole and friends: this accessible name, exactly. */
export const exact = (name) => ({ name, exact: true });

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Calls fn every 100 ms until it returns a truthy value, and returns that value. After ms,
 * fails with `what` (and the last error fn threw, if any).
 */
export async function until(fn, what, ms = TIMEOUT) {
  const end = Date.now() + ms;
  let last;
  for (;;) {
    try {
      last = await fn();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) {
      throw new Failure(`${what}${last instanceof Error ? ` (${last.message.split('\n')[0]})` : ''}`);
    }
    await sleep(100);
  }
}

/**
 * The text in an X selection ('clipboard' or 'primary') of the app's display, optionally
 * as `target` (e.g. 'TARGETS'); '' if nothing owns that selection (or not as text).
 */
export function xclip(selection, target) {
  const args = ['-o', '-selection', selection];
  if (target) args.push('-t', target);
  try {
    return execFileSync('xclip', args, {
      env: { ...process.env, DISPLAY: X_DISPLAY },
      encoding: 'utf8',
      timeout: 5000,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch {
    return '';
  }
}

// ---------------------------------------------------------------- the browser

// The flags of every run: no sandbox, no GPU, no QUIC, no first-run, background or sync
// traffic of the browser's own, and its passwords kept in the profile, not in the OS vault.
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--password-store=basic'];

/**
 * Starts headless Chromium with a fresh profile folder. `args` are flags on top of the
 * common ones. Returns its context, its first page (waiting up to TIMEOUT by default) and
 * close(), which closes the browser and removes the profile.
 */
export async function launchChromium({ viewport, args = [] }) {
  const profile = mkdtempSync(path.join(tmpdir(), 'proofkeys-chromium-'));
  const remove = () => rmSync(profile, { recursive: true, force: true });
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport,
      args: [...CHROMIUM_ARGS, ...args],
    });
  } catch (e) {
    remove();
    throw e;
  }
  const first = context.pages()[0] || (await context.newPage());
  first.setDefaultTimeout(TIMEOUT);
  const close = async () => {
    await context.close().catch(() => {});
    remove();
  };
  return { ctx: context, page: first, close };
}

// ---------------------------------------------------------------- steps and the runner

/** The browser's context and page while run() runs (live bindings). */
export let ctx;
export let page;

const steps = [];

/**
 * Adds a step. fn may return a short note, printed after PASS. Steps run in order; after a
 * failure the rest are skipped.
 */
export function step(title, fn) {
  steps.push({ title, fn });
}

/**
 * Starts Chromium (see launchChromium; onOpen(page, ctx) may add listeners before the first
 * step), runs the steps and prints a PASS, FAIL or SKIP line for each, a screenshot
 * build/e2e-failure.png of a failure, and "N passed, N failed[, N skipped]". Exits with 0
 * only if every step passed.
 */
export async function run({ viewport, args, onOpen }) {
  mkdirSync(OUT, { recursive: true });
  let browser;
  try {
    browser = await launchChromium({ viewport, args });
  } catch (e) {
    console.log(`FAIL  cannot start Chromium (${CHROMIUM}): ${e.message}`);
    finish(0, 1, steps.length);
  }
  ({ ctx, page } = browser);
  page.on('pageerror', (e) => console.log(`      page error: ${e.message}`));
  await onOpen?.(page, ctx);

  const tally = { passed: 0, failed: 0, skipped: 0 };
  for (const [i, s] of steps.entries()) {
    const label = `${String(i + 1).padStart(2)}. ${s.title}`;
    if (tally.failed) {
      tally.skipped++;
      console.log(`SKIP ${label}`);
    } else {
      tally[(await runStep(s.fn, label)) ? 'passed' : 'failed']++;
    }
  }
  await browser.close();
  finish(tally.passed, tally.failed, tally.skipped);
}

// Runs one step and prints its line; true if it passed.
async function runStep(fn, label) {
  const t0 = Date.now();
  try {
    const note = await fn();
    console.log(`PASS ${label} (${((Date.now() - t0) / 1000).toFixed(1)} s)${note ? `: ${note}` : ''}`);
    return true;
  } catch (e) {
    const msg = e instanceof Failure ? e.message : (e.stack || String(e)).split('\n').slice(0, 4).join('\n      ');
    console.log(`FAIL ${label}: ${msg}`);
    await screenshotFailure();
    return false;
  }
}

async function screenshotFailure() {
  const shot = path.join(OUT, 'e2e-failure.png');
  await page.screenshot({ path: shot, fullPage: true }).then(
    () => console.log(`      screenshot of the failure: ${path.relative(root, shot)}`),
    () => {},
  );
}

// Prints the summary line and exits: 1 on any failure.
function finish(passed, failed, skipped) {
  console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  process.exit(failed ? 1 : 0);
}
