#!/usr/bin/env node
// End-to-end check of the mailed links against a running server whose mail the Java test receives (GreenMail): the
// person (signed up by the test) opens the verification link from their mail; then forgets their password: "Forgot
// password?" on the sign-in page, the reset link from the mail opened in this browser, a new password, the old one
// refused and the new one accepted; Settings shows the address confirmed. On a phone: the spent verification link, a
// link cut short, "Forgot password?" and a second reset through its mail. axe-core finds no serious or critical
// violation on any of these pages, desktop and phone, and phone targets are 44 px; a screenshot each.
//
// Run by app.tdah.web.BrowserRecoveryTest, which sets PA_E2E_EMAIL and PA_E2E_PASSWORD and answers "[ask] mail ..."
// with the link of the mail asked for. Exit 0 on success; 1 with a message on failure.

import {
  askTest,
  BASE_URL,
  checkPage,
  expectPath,
  fail,
  log,
  openFromMenu,
  PHONE,
  required,
  runE2e,
  screenshot,
  submitSignIn,
  visible,
} from './lib.mjs';

const person = { email: required('PA_E2E_EMAIL'), password: required('PA_E2E_PASSWORD'), displayName: 'Ada' };
const NEW_PASSWORD = 'a-calm-new-passphrase-7';
const PHONE_PASSWORD = 'another-calm-passphrase-8';

/** The link in the newest mail with this subject to the person, as the test received it. */
async function linkFromMail(subject, path) {
  const link = await askTest(`mail ${path} ${person.email} ${subject}`);
  if (!link.startsWith(`${BASE_URL}${path}?token=`)) fail(`the mail "${subject}" held no ${path} link to this server: "${link}"`);
  return link;
}

async function verifyEmail(page) {
  log('opening the verification link from the sign-up mail');
  const link = await linkFromMail('Confirm your email address', '/verify-email');
  await page.goto(link, { waitUntil: 'domcontentloaded' });
  await visible(page.getByRole('heading', { level: 1, name: 'Your address is confirmed' }), 'the confirmation');
  if (new URL(page.url()).search) fail(`the token stayed in the address bar: ${page.url()}`);
  await checkPage(page, 'desktop-email-confirmed', 'the address confirmed (desktop)');
  return link;
}

/** On the forgot-password page (open): the form, then the calm answer once the email is sent. */
async function askForLink(page, device) {
  const phone = device === 'phone';
  await visible(page.getByRole('heading', { level: 1, name: 'Forgot your password?' }), 'the forgot-password page');
  await checkPage(page, `${device}-forgot-password`, `forgot password (${device})`, { phone });
  await page.getByLabel('Email', { exact: true }).fill(person.email);
  await page.getByRole('button', { name: 'Send me a link' }).click();
  await visible(page.getByRole('heading', { level: 1, name: 'Check your mail' }), 'the calm answer');
  await checkPage(page, `${device}-reset-asked`, `"check your mail" (${device})`, { phone });
}

/** On the reset page (open from the mail): the form, a new password, then "changed". */
async function choosePassword(page, password, device) {
  const phone = device === 'phone';
  await visible(page.getByRole('heading', { level: 1, name: 'Choose a new password' }), 'the reset page');
  await checkPage(page, `${device}-reset-form`, `choose a new password (${device})`, { phone });
  await page.getByLabel('New password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Save new password' }).click();
  await visible(page.getByRole('heading', { level: 1, name: 'Your password is changed' }), 'the password changed page');
  await checkPage(page, `${device}-reset-done`, `password changed (${device})`, { phone });
}

async function resetPassword(page) {
  log('"Forgot password?" from the sign-in page');
  await page.goto(`${BASE_URL}/signin`, { waitUntil: 'domcontentloaded' });
  await page.getByRole('link', { name: 'Forgot password?' }).click();
  await askForLink(page, 'desktop');

  log('opening the reset link from the mail');
  await page.goto(await linkFromMail('Reset your password', '/reset-password'), { waitUntil: 'domcontentloaded' });
  await visible(page.getByRole('heading', { level: 1, name: 'Choose a new password' }), 'the reset page');
  if (new URL(page.url()).search) fail(`the token stayed in the address bar: ${page.url()}`);
  await choosePassword(page, NEW_PASSWORD, 'desktop');

  log('the old password is refused, the new one accepted');
  await page.getByRole('link', { name: 'Sign in' }).click();
  await visible(page.getByRole('heading', { level: 1, name: 'Sign in', exact: true }), 'the sign-in page');
  await submitSignIn(page, person);
  await visible(page.getByRole('alert').filter({ hasText: /\S/ }).first(), 'a message for the old password');
  await expectPath(page, '/signin');
  await submitSignIn(page, person, NEW_PASSWORD);
  await visible(page.getByRole('heading', { level: 2, name: 'Today', exact: true }), 'Today with the new password');
}

/** A phone, signed out: the spent verification link, a link cut short, and a second reset from "Forgot password?". */
async function onPhone(browser, verificationLink) {
  log('on a phone: the spent verification link, a link cut short, and a reset through the mail');
  const phone = await browser.newDevice(PHONE);
  await phone.goto(verificationLink, { waitUntil: 'domcontentloaded' });
  await visible(phone.getByRole('heading', { level: 1, name: 'This link doesn’t work any more' }), 'the spent link');
  await checkPage(phone, 'phone-verify-link-spent', 'a spent verification link (phone)', { phone: true });
  await phone.goto(`${BASE_URL}/reset-password`, { waitUntil: 'domcontentloaded' });
  await visible(phone.getByRole('heading', { level: 1, name: 'This link is incomplete' }), 'the link cut short');
  await checkPage(phone, 'phone-reset-link-incomplete', 'a reset link cut short (phone)', { phone: true });
  await phone.getByRole('link', { name: 'Ask for a new link' }).click();
  await askForLink(phone, 'phone');
  await phone.goto(await linkFromMail('Reset your password', '/reset-password'), { waitUntil: 'domcontentloaded' });
  await choosePassword(phone, PHONE_PASSWORD, 'phone');
}

async function scenario(page, browser) {
  const verificationLink = await verifyEmail(page);
  await resetPassword(page);
  await openFromMenu(page, 'Settings');
  const security = page.getByRole('region', { name: 'Security' });
  await visible(security.getByText('Confirmed', { exact: true }), 'the address shown as confirmed');
  await screenshot(page, 'desktop-settings-confirmed');
  await onPhone(browser, verificationLink);
}

runE2e({ scenario, passed: 'verification link, forgot password, reset link from the mail, sign in with the new password; axe on desktop and phone' });
