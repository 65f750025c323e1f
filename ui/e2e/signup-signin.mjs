#!/usr/bin/env node
// End-to-end check of the foundation's SPA against a running server: sign up, see Today, reload (session restored
// from the refresh cookie), sign out, a wrong password is refused on the form, sign in again.
//
//   PA_BASE_URL=http://localhost:8080 node ui/e2e/signup-signin.mjs
//
// Env: PA_BASE_URL (default http://localhost:8080), PA_E2E_ARTIFACTS (folder for screenshots, optional),
//      PA_CHROMIUM (default /usr/bin/chromium), PA_E2E_TIMEOUT_MS (per wait, default 20000).
// Exit 0 on success; 1 with a message on failure. Waits on conditions only, never on fixed sleeps.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const BASE_URL = (process.env.PA_BASE_URL || 'http://localhost:8080').replace(/\/+$/, '');
const ARTIFACTS = process.env.PA_E2E_ARTIFACTS || '';
const EXECUTABLE = process.env.PA_CHROMIUM || '/usr/bin/chromium';
const WAIT_MS = Number(process.env.PA_E2E_TIMEOUT_MS || 20_000);
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

const suffix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
const person = {
  email: `e2e-${suffix}@example.com`,
  password: 'correct-horse-battery-42',
  displayName: `Ada ${suffix.slice(-5)}`,
};

const log = (message) => console.log(`[e2e] ${message}`);
let shotIndex = 0;

async function screenshot(page, name) {
  if (!ARTIFACTS) return;
  shotIndex += 1;
  const file = path.join(ARTIFACTS, `${String(shotIndex).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  log(`  screenshot ${file}`);
}

function fail(message) {
  throw new Error(message);
}

async function expectPath(page, expected) {
  await page.waitForURL((url) => url.pathname === expected, { timeout: WAIT_MS }).catch(() => {
    fail(`expected to be at ${expected}, but the page is at ${new URL(page.url()).pathname}`);
  });
}

async function expectSignInPage(page) {
  await page
    .getByRole('heading', { level: 1, name: 'Sign in', exact: true })
    .waitFor({ state: 'visible', timeout: WAIT_MS })
    .catch(() => fail(`the sign-in page did not show (at ${page.url()})`));
  await expectPath(page, '/signin');
}

async function expectTodayWithName(page, what) {
  await page
    .getByRole('heading', { level: 1 })
    .filter({ hasText: person.displayName })
    .waitFor({ state: 'visible', timeout: WAIT_MS })
    .catch(() => fail(`${what}: the Today page with the name "${person.displayName}" did not show (at ${page.url()})`));
  await expectPath(page, '/today');
  await page
    .getByText('Nothing due today', { exact: true })
    .waitFor({ state: 'visible', timeout: WAIT_MS })
    .catch(() => fail(`${what}: the Today page has no empty state`));
  await page
    .getByRole('button', { name: 'Sign out', exact: true })
    .waitFor({ state: 'visible', timeout: WAIT_MS })
    .catch(() => fail(`${what}: the Today page has no "Sign out" button`));
}

async function signIn(page, password) {
  await page.getByLabel('Email', { exact: true }).fill(person.email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

async function run(context) {
  const page = context.pages()[0] ?? (await context.newPage());
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  page.on('console', (msg) => {
    if (msg.type() === 'error') log(`  browser console error: ${msg.text()}`);
  });

  try {
    log(`opening ${BASE_URL}/ (signed out: expect the sign-in page)`);
    await page.goto(`${BASE_URL}/`, { waitUntil: 'domcontentloaded' });
    await expectSignInPage(page);
    await screenshot(page, 'signin');

    log(`signing up ${person.email} as "${person.displayName}"`);
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Create your account' }).waitFor({ timeout: WAIT_MS });
    await expectPath(page, '/signup');
    await page.getByLabel('Display name', { exact: true }).fill(person.displayName);
    await page.getByLabel('Email', { exact: true }).fill(person.email);
    await page.getByLabel('Password', { exact: true }).fill(person.password);
    const timeZone = await page.getByLabel('Time zone', { exact: true }).inputValue();
    if (!timeZone.trim()) fail('the time zone field was not prefilled');
    log(`  time zone prefilled: ${timeZone}`);
    await screenshot(page, 'signup');
    await page.getByRole('button', { name: 'Create account', exact: true }).click();
    await expectTodayWithName(page, 'after sign-up');
    await screenshot(page, 'today');
    log('  Today shows the name');

    log('reloading: the session must be restored from the refresh cookie');
    await page.reload({ waitUntil: 'domcontentloaded' });
    await expectTodayWithName(page, 'after reload');
    log('  still on Today after reload');

    log('signing out');
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await expectSignInPage(page);
    await screenshot(page, 'signed-out');

    log('signing in with a wrong password: expect an error on the form');
    await signIn(page, `${person.password}-wrong`);
    const alert = page.getByRole('alert').filter({ hasText: /\S/ }).first();
    await alert
      .waitFor({ state: 'visible', timeout: WAIT_MS })
      .catch(() => fail('a wrong password showed no error message on the sign-in form'));
    const message = (await alert.innerText()).trim();
    log(`  error shown: "${message}"`);
    await expectPath(page, '/signin');
    if ((await page.getByLabel('Email', { exact: true }).inputValue()) !== person.email) {
      fail('the email typed was lost after a failed sign-in');
    }
    await screenshot(page, 'wrong-password');

    log('signing in with the right password');
    await signIn(page, person.password);
    await expectTodayWithName(page, 'after sign-in');
    await screenshot(page, 'today-after-signin');

    log('reloading once more, then opening / : expect Today');
    await page.goto(`${BASE_URL}/`, { waitUntil: 'domcontentloaded' });
    await expectTodayWithName(page, 'opening / when signed in');

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

async function main() {
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
      timeout: 60_000,
    });
    context.setDefaultTimeout(WAIT_MS);
    await Promise.race([
      run(context),
      new Promise((_, reject) => {
        deadline = setTimeout(() => reject(new Error(`gave up after ${OVERALL_MS / 1000} s`)), OVERALL_MS);
      }),
    ]);
    console.log('[e2e] PASSED: sign-up, Today, reload, sign-out, wrong password, sign-in');
  } finally {
    clearTimeout(deadline);
    if (context) await context.close().catch(() => {});
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`[e2e] FAILED: ${error?.message ?? error}`);
    process.exit(1);
  },
);
