// What the end-to-end scripts share: settings from the environment, logging, screenshots, the browser launch with an
// overall deadline, failure handling (a failure screenshot, uncaught page errors) and the sign-up form.
//
// Env: PA_BASE_URL (default http://localhost:8080), PA_E2E_ARTIFACTS (folder for screenshots, optional),
//      PA_CHROMIUM (default /usr/bin/chromium), PA_E2E_TIMEOUT_MS (per wait, default 20000).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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

/** Runs `scenario(page)`; fails on uncaught page errors, and on failure leaves a screenshot and lists them. */
async function runScenario(context, scenario) {
  const page = context.pages()[0] ?? (await context.newPage());
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  page.on('console', (msg) => {
    if (msg.type() === 'error') log(`  browser console error: ${msg.text()}`);
  });

  try {
    await scenario(page);
    if (pageErrors.length > 0) fail(`the page threw uncaught errors:\n  ${pageErrors.join('\n  ')}`);
  } catch (error) {
    if (ARTIFACTS) {
      await page.screenshot({ path: path.join(ARTIFACTS, 'failure.png'), fullPage: true }).catch(() => {});
      log(`  failure screenshot ${path.join(ARTIFACTS, 'failure.png')}`);
    }
    if (pageErrors.length > 0) log(`  uncaught page errors:\n  ${pageErrors.join('\n  ')}`);
    throw error;
  }
}

async function launchAndRun(scenario, passed, contextOptions) {
  if (!fs.existsSync(EXECUTABLE)) fail(`Chromium not found at ${EXECUTABLE} (apt-get install chromium, or set PA_CHROMIUM)`);
  if (ARTIFACTS) fs.mkdirSync(ARTIFACTS, { recursive: true });
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pa-e2e-chromium-'));
  let context;
  let deadline;
  try {
    log(`base URL ${BASE_URL}; chromium ${EXECUTABLE}; profile ${userDataDir}`);
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: EXECUTABLE,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 860 },
      locale: 'en-US',
      ...contextOptions,
      timeout: 60_000,
    });
    context.setDefaultTimeout(WAIT_MS);
    await Promise.race([
      runScenario(context, scenario),
      new Promise((_, reject) => {
        deadline = setTimeout(() => reject(new Error(`gave up after ${OVERALL_MS / 1000} s`)), OVERALL_MS);
      }),
    ]);
    console.log(`[e2e] PASSED: ${passed}`);
  } finally {
    clearTimeout(deadline);
    if (context) await context.close().catch(() => {});
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
}

/**
 * Launches headless Chromium with a throw-away profile, runs `scenario(page)` within an overall deadline, prints
 * `[e2e] PASSED: <passed>` and exits 0, or prints `[e2e] FAILED: <message>` and exits 1.
 * `contextOptions` add to the browser context's options (e.g. `timezoneId`).
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
