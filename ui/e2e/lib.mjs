// What the end-to-end scripts share: settings from the environment, logging, screenshots, the browser launch with an
// overall deadline, failure handling (a failure screenshot, uncaught page errors) and the sign-up form.
//
// Env: PA_BASE_URL (default http://localhost:8080), PA_E2E_ARTIFACTS (folder for screenshots, optional),
//      PA_CHROMIUM (default /usr/bin/chromium), PA_E2E_TIMEOUT_MS (per wait, default 20000).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import axe from 'axe-core';
import { chromium } from 'playwright-core';

export const BASE_URL = (process.env.PA_BASE_URL || 'http://localhost:8080').replace(/\/+$/, '');
export const ARTIFACTS = process.env.PA_E2E_ARTIFACTS || '';
export const WAIT_MS = Number(process.env.PA_E2E_TIMEOUT_MS || 20_000);
const EXECUTABLE = process.env.PA_CHROMIUM || '/usr/bin/chromium';
const OVERALL_MS = 180_000;
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const log = (message) => console.log(`[e2e] ${message}`);

let answers = null;
const waitingForAnswers = [];

/**
 * Asks the Java test that runs this script for something only it knows (e.g. the link in a mail GreenMail received):
 * prints `[ask] QUESTION` and resolves with the line the test writes back (app.tdah.testing.BrowserScript).
 */
export function askTest(question) {
  if (!answers) {
    answers = readline.createInterface({ input: process.stdin });
    answers.on('line', (line) => waitingForAnswers.shift()?.(line.trim()));
  }
  return new Promise((resolve) => {
    waitingForAnswers.push(resolve);
    console.log(`[ask] ${question}`);
  });
}

/** A setting the Java test passes (PA_E2E_...); fails clearly when it is missing. */
export function required(name) {
  const value = process.env[name];
  if (!value) fail(`${name} is not set (the Java test sets it)`);
  return value;
}

export function fail(message) {
  throw new Error(message);
}

/** A new person for one run: a unique email `<emailPrefix>-<suffix>@example.com` and display name `<firstName> <…>`. */
export function newPerson(emailPrefix, firstName) {
  const suffix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  return {
    email: `${emailPrefix}-${suffix}@example.com`,
    password: 'correct-horse-battery-42',
    displayName: `${firstName} ${suffix.slice(-5)}`,
  };
}

let shotIndex = 0;

/** A numbered full-page screenshot in PA_E2E_ARTIFACTS (nothing when it is not set); `options` go to Playwright. */
export async function screenshot(page, name, options = {}) {
  if (!ARTIFACTS) return;
  shotIndex += 1;
  const file = path.join(ARTIFACTS, `${String(shotIndex).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file, fullPage: true, ...options });
  log(`  screenshot ${file}`);
}

/** Fills the sign-up form (display name, email, password) and returns the prefilled time zone; does not submit. */
export async function fillSignUpForm(page, person) {
  await page.getByLabel('Display name', { exact: true }).fill(person.displayName);
  await page.getByLabel('Email', { exact: true }).fill(person.email);
  await page.getByLabel('Password', { exact: true }).fill(person.password);
  return page.getByLabel('Time zone', { exact: true }).inputValue();
}

export async function submitSignUp(page) {
  await page.getByRole('button', { name: 'Create account', exact: true }).click();
}

export async function visible(locator, what) {
  await locator.waitFor({ state: 'visible', timeout: WAIT_MS }).catch(() => fail(`${what} did not show`));
}

export async function gone(locator, what) {
  await locator.waitFor({ state: 'detached', timeout: WAIT_MS }).catch(() => fail(`${what} did not go away`));
}

export async function expectPath(page, expected) {
  await page.waitForURL((url) => url.pathname === expected, { timeout: WAIT_MS }).catch(() => {
    fail(`expected to be at ${expected}, but the page is at ${new URL(page.url()).pathname}`);
  });
}

/** Signs `person` up through the sign-up page and waits for Today with their name. */
export async function signUpThroughUi(page, person) {
  await page.goto(`${BASE_URL}/signup`, { waitUntil: 'domcontentloaded' });
  await visible(page.getByRole('heading', { level: 1, name: 'Create your account' }), 'the sign-up page');
  await fillSignUpForm(page, person);
  await submitSignUp(page);
  await visible(page.getByRole('heading', { level: 1 }).filter({ hasText: person.displayName }), 'Today after sign-up');
}

/** Fills and sends the sign-in form (already open) with `person`'s email and `password` (theirs by default). */
export async function submitSignIn(page, person, password = person.password) {
  await page.getByLabel('Email', { exact: true }).fill(person.email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** Opens the sign-in page and signs `person` in; waits for Today. */
export async function signInThroughUi(page, person) {
  await page.goto(`${BASE_URL}/signin`, { waitUntil: 'domcontentloaded' });
  await visible(page.getByRole('heading', { level: 1, name: 'Sign in', exact: true }), 'the sign-in page');
  await submitSignIn(page, person);
  await visible(page.getByRole('heading', { level: 2, name: 'Today', exact: true }), 'Today after sign-in');
}

/** Follows the app menu to one of its pages. */
export async function openFromMenu(page, label) {
  await page.getByRole('navigation', { name: 'App menu' }).getByRole('link', { name: label, exact: true }).click();
  await visible(page.getByRole('heading', { level: 1, name: label, exact: true }), `the ${label} page`);
}

/** Records a page's uncaught errors (into `pageErrors`) and logs its console errors. */
function watch(page, pageErrors) {
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  page.on('console', (msg) => {
    if (msg.type() === 'error') log(`  browser console error: ${msg.text()}`);
  });
}

/** A phone for `browser.newDevice(PHONE)`: a narrow touch screen. */
export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

/**
 * Runs axe-core (injected from npm, outside the page's CSP) on the page as it is, and fails on any serious or critical
 * violation of WCAG 2.1 A/AA; lesser ones are logged. Returns the violations.
 */
export async function checkA11y(page, where) {
  await page.evaluate(axe.source);
  const violations = await page.evaluate(() =>
    window.axe
      .run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }, resultTypes: ['violations'] })
      .then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }))),
  );
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  for (const v of violations) log(`  axe ${where}: ${v.impact} ${v.id} (${v.help}) at ${v.targets.join(', ')}`);
  if (serious.length > 0) fail(`axe found ${serious.length} serious or critical violation(s) on ${where}: ${serious.map((v) => v.id).join(', ')}`);
  log(`  axe ${where}: no serious or critical violation (${violations.length} lesser)`);
  return violations;
}

/**
 * On a phone: every button, form control and menu link in the page is at least 44 CSS pixels high and wide (links
 * inside running text excepted, as WCAG allows). Fails naming the offenders.
 */
export async function checkTargets(page, where) {
  const small = await page.evaluate(() => {
    const found = [];
    for (const el of document.querySelectorAll('button, select, input:not([type=hidden]), a.button, nav a, [role=button]')) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || el.closest('[hidden], .visually-hidden, .skip-link, .link-button--inline')) continue;
      // A checkbox or radio inside its label counts with the label; a label next to it extends the target too.
      const label = el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`) : el.closest('label');
      const target = label && (el.type === 'checkbox' || el.type === 'radio') ? label.getBoundingClientRect() : box;
      const height = Math.max(box.height, target.height);
      const width = Math.max(box.width, target.width);
      if (height < 43.5 || width < 43.5) {
        found.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''} "${(el.getAttribute('aria-label') || el.textContent || el.name || '').trim().slice(0, 30)}" ${Math.round(width)}x${Math.round(height)}`);
      }
    }
    return found;
  });
  if (small.length > 0) fail(`targets under 44 px on ${where}: ${small.join('; ')}`);
  log(`  targets on ${where}: all at least 44 px`);
}

/**
 * The page as it is now, kept and checked: a screenshot named `shot` (`options` go to Playwright), axe-core
 * (checkA11y) and, on a phone, the 44 px targets (checkTargets). `where` names the page in messages.
 */
export async function checkPage(page, shot, where, { phone = false, ...options } = {}) {
  await screenshot(page, shot, options);
  await checkA11y(page, where);
  if (phone) await checkTargets(page, where);
}

/**
 * Runs `scenario(page, browser)`; fails on uncaught page errors, and on failure leaves a screenshot of each page and
 * lists them. `browser.newDevice()` opens another browser with a profile of its own (its own cookies), like a second
 * device of the same person, closed at the end.
 */
async function runScenario(context, scenario, launch) {
  const page = context.pages()[0] ?? (await context.newPage());
  const pageErrors = [];
  const pages = [page];
  watch(page, pageErrors);
  const newDevice = async (options = {}) => {
    const other = await launch(options);
    const otherPage = other.pages()[0] ?? (await other.newPage());
    watch(otherPage, pageErrors);
    pages.push(otherPage);
    return otherPage;
  };

  try {
    await scenario(page, { newDevice });
    if (pageErrors.length > 0) fail(`the page threw uncaught errors:\n  ${pageErrors.join('\n  ')}`);
  } catch (error) {
    if (ARTIFACTS) {
      for (const [index, shown] of pages.entries()) {
        const file = path.join(ARTIFACTS, index === 0 ? 'failure.png' : `failure-device-${index + 1}.png`);
        await shown.screenshot({ path: file, fullPage: true }).catch(() => {});
        log(`  failure screenshot ${file}`);
      }
    }
    if (pageErrors.length > 0) log(`  uncaught page errors:\n  ${pageErrors.join('\n  ')}`);
    throw error;
  }
}

async function launchAndRun(scenario, passed, contextOptions) {
  if (!fs.existsSync(EXECUTABLE)) fail(`Chromium not found at ${EXECUTABLE} (apt-get install chromium, or set PA_CHROMIUM)`);
  if (ARTIFACTS) fs.mkdirSync(ARTIFACTS, { recursive: true });
  const opened = [];
  const launch = async (deviceOptions = {}) => {
    const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pa-e2e-chromium-'));
    const entry = { userDataDir, context: null };
    opened.push(entry);
    log(`base URL ${BASE_URL}; chromium ${EXECUTABLE}; profile ${userDataDir}`);
    entry.context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: EXECUTABLE,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 860 },
      locale: 'en-US',
      ...contextOptions,
      ...deviceOptions,
      timeout: 60_000,
    });
    entry.context.setDefaultTimeout(WAIT_MS);
    return entry.context;
  };
  let deadline;
  try {
    const context = await launch();
    await Promise.race([
      runScenario(context, scenario, launch),
      new Promise((_, reject) => {
        deadline = setTimeout(() => reject(new Error(`gave up after ${OVERALL_MS / 1000} s`)), OVERALL_MS);
      }),
    ]);
    console.log(`[e2e] PASSED: ${passed}`);
  } finally {
    clearTimeout(deadline);
    for (const { context, userDataDir } of opened) {
      if (context) await context.close().catch(() => {});
      fs.rmSync(userDataDir, { recursive: true, force: true });
    }
  }
}

/**
 * Launches headless Chromium with a throw-away profile, runs `scenario(page, browser)` within an overall deadline,
 * prints `[e2e] PASSED: <passed>` and exits 0, or prints `[e2e] FAILED: <message>` and exits 1.
 * `contextOptions` add to the browser context's options (e.g. `timezoneId`); `browser.newDevice()` opens a second
 * browser (see runScenario).
 */
export function runE2e({ scenario, passed, contextOptions = {} }) {
  launchAndRun(scenario, passed, contextOptions).then(
    () => process.exit(0),
    (error) => {
      console.error(`[e2e] FAILED: ${error?.message ?? error}`);
      process.exit(1);
    },
  );
}
