#!/usr/bin/env node
// End-to-end check of the foundation's SPA against a running server: sign up, see Today, reload (session restored
// from the refresh cookie), sign out, a wrong password is refused on the form, sign in again. The same pages on a
// phone, with the not-found page (signed out and in) and the "can't reach" page (the server cut off): axe-core finds
// no serious or critical violation on any of them, desktop and phone, and phone targets are 44 px; a screenshot each.
//
//   PA_BASE_URL=http://localhost:8080 node ui/e2e/signup-signin.mjs
//
// Env: PA_BASE_URL (default http://localhost:8080), PA_E2E_ARTIFACTS (folder for screenshots, optional),
//      PA_CHROMIUM (default /usr/bin/chromium), PA_E2E_TIMEOUT_MS (per wait, default 20000).
// Exit 0 on success; 1 with a message on failure. Waits on conditions only, never on fixed sleeps.

import {
  BASE_URL,
  checkPage,
  expectPath,
  fail,
  fillSignUpForm,
  log,
  newPerson,
  PHONE,
  runE2e,
  screenshot,
  submitSignIn,
  submitSignUp,
  visible,
  WAIT_MS,
} from './lib.mjs';

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

async function scenario(page, browser) {
  await notFound(page, false, 'desktop');
  await unreachable(page, 'desktop');

  log(`opening ${BASE_URL}/ (signed out: expect the sign-in page)`);
  await page.goto(`${BASE_URL}/`, { waitUntil: 'domcontentloaded' });
  await expectSignInPage(page);
  await checkPage(page, 'signin', 'sign-in (desktop)');

  log(`signing up ${person.email} as "${person.displayName}"`);
  await page.getByRole('link', { name: 'Create an account' }).click();
  await page.getByRole('heading', { level: 1, name: 'Create your account' }).waitFor({ timeout: WAIT_MS });
  await expectPath(page, '/signup');
  const timeZone = await fillSignUpForm(page, person);
  if (!timeZone.trim()) fail('the time zone field was not prefilled');
  log(`  time zone prefilled: ${timeZone}`);
  await checkPage(page, 'signup', 'sign-up (desktop)');
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
  await checkPage(page, 'wrong-password', 'sign-in with an error (desktop)');

  log('signing in with the right password');
  await submitSignIn(page, person);
  await expectTodayWithName(page, 'after sign-in');
  await screenshot(page, 'today-after-signin');

  log('reloading once more, then opening / : expect Today');
  await page.goto(`${BASE_URL}/`, { waitUntil: 'domcontentloaded' });
  await expectTodayWithName(page, 'opening / when signed in');

  await notFound(page, true, 'desktop');
  await onPhone(browser);
}

/** An address the app does not know: "not found", with the way back (Today, or sign-in when signed out). */
async function notFound(page, signedIn, device) {
  await page.goto(`${BASE_URL}/no-such-page`, { waitUntil: 'domcontentloaded' });
  await visible(page.getByRole('heading', { level: 1, name: 'This page doesn’t exist' }), 'the not-found page');
  await visible(page.getByRole('link', { name: signedIn ? 'Go to Today' : 'Go to sign in' }), 'the way back from not-found');
  const state = signedIn ? 'signed-in' : 'signed-out';
  await checkPage(page, `${device}-not-found-${state}`, `not found, ${state} (${device})`, { phone: device === 'phone' });
}

/** The server cut off while the page starts: "can't reach", then "Try again" once it answers reaches sign-in. */
async function unreachable(page, device) {
  const cutOff = (route) => route.abort('connectionrefused');
  await page.route('**/graphql', cutOff);
  await page.goto(`${BASE_URL}/`, { waitUntil: 'domcontentloaded' });
  await visible(page.getByRole('heading', { level: 1, name: 'We can’t reach your assistant' }), 'the "can\'t reach" page');
  await checkPage(page, `${device}-unreachable`, `can't reach (${device})`, { phone: device === 'phone' });
  await page.unroute('**/graphql', cutOff);
  await page.getByRole('button', { name: 'Try again' }).click();
  await expectSignInPage(page);
}

/** The signed-out pages and Today on a phone. */
async function onPhone(browser) {
  log('on a phone: not found, can\'t reach, sign-in, sign-up, a refused password, Today');
  const phone = await browser.newDevice(PHONE);
  await notFound(phone, false, 'phone');
  await unreachable(phone, 'phone');
  await checkPage(phone, 'phone-signin', 'sign-in (phone)', { phone: true });
  await phone.getByRole('link', { name: 'Create an account' }).click();
  await phone.getByRole('heading', { level: 1, name: 'Create your account' }).waitFor({ timeout: WAIT_MS });
  await checkPage(phone, 'phone-signup', 'sign-up (phone)', { phone: true });
  await submitSignUp(phone);
  await visible(phone.getByRole('alert').filter({ hasText: /\S/ }).first(), 'the sign-up form\'s errors');
  await checkPage(phone, 'phone-signup-errors', 'sign-up with errors (phone)', { phone: true });
  await phone.getByRole('link', { name: 'Sign in' }).click();
  await expectSignInPage(phone);
  await submitSignIn(phone, person, `${person.password}-wrong`);
  await visible(phone.getByRole('alert').filter({ hasText: /\S/ }).first(), 'the refused password on the phone');
  await checkPage(phone, 'phone-wrong-password', 'sign-in with an error (phone)', { phone: true });
  await submitSignIn(phone, person);
  await expectTodayWithName(phone, 'after sign-in on the phone');
  await checkPage(phone, 'phone-today', 'Today (phone)', { phone: true });
  await notFound(phone, true, 'phone');
}

runE2e({ scenario, passed: 'sign-up, Today, reload, sign-out, wrong password, sign-in, not found, can\'t reach; axe on desktop and phone' });
