#!/usr/bin/env node
// End-to-end check of the foundation's SPA against a running server: sign up, see Today, reload (session restored
// from the refresh cookie), sign out, a wrong password is refused on the form, sign in again.
//
//   PA_BASE_URL=http://localhost:8080 node ui/e2e/signup-signin.mjs
//
// Env: PA_BASE_URL (default http://localhost:8080), PA_E2E_ARTIFACTS (folder for screenshots, optional),
//      PA_CHROMIUM (default /usr/bin/chromium), PA_E2E_TIMEOUT_MS (per wait, default 20000).
// Exit 0 on success; 1 with a message on failure. Waits on conditions only, never on fixed sleeps.

import { BASE_URL, expectPath, fail, fillSignUpForm, log, newPerson, runE2e, screenshot, submitSignIn, submitSignUp, WAIT_MS } from './lib.mjs';

const person = newPerson('e2e', 'Ada');

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

async function scenario(page) {
  log(`opening ${BASE_URL}/ (signed out: expect the sign-in page)`);
  await page.goto(`${BASE_URL}/`, { waitUntil: 'domcontentloaded' });
  await expectSignInPage(page);
  await screenshot(page, 'signin');

  log(`signing up ${person.email} as "${person.displayName}"`);
  await page.getByRole('link', { name: 'Create an account' }).click();
  await page.getByRole('heading', { level: 1, name: 'Create your account' }).waitFor({ timeout: WAIT_MS });
  await expectPath(page, '/signup');
  const timeZone = await fillSignUpForm(page, person);
  if (!timeZone.trim()) fail('the time zone field was not prefilled');
  log(`  time zone prefilled: ${timeZone}`);
  await screenshot(page, 'signup');
  await submitSignUp(page);
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
  await submitSignIn(page, person, `${person.password}-wrong`);
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
  await submitSignIn(page, person);
  await expectTodayWithName(page, 'after sign-in');
  await screenshot(page, 'today-after-signin');

  log('reloading once more, then opening / : expect Today');
  await page.goto(`${BASE_URL}/`, { waitUntil: 'domcontentloaded' });
  await expectTodayWithName(page, 'opening / when signed in');
}

runE2e({ scenario, passed: 'sign-up, Today, reload, sign-out, wrong password, sign-in' });
