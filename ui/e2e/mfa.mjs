#!/usr/bin/env node
// End-to-end check of two-step sign-in against a running server: sign up; in Settings › Security set up an
// authenticator app from the key the page shows (the code computed here, as the app would); the 10 backup codes are
// shown once; sign out; sign in with the password, then a code computed here; Today opens. On a phone: sign in with
// the password, then a backup code. axe-core finds no serious or critical violation on the set-up, the backup codes
// and the code step, desktop and phone, and phone targets are 44 px; a screenshot each.
//
//   PA_BASE_URL=http://localhost:8080 node ui/e2e/mfa.mjs
//
// Env: see lib.mjs. Exit 0 on success; 1 with a message on failure. Waits on conditions only, never on fixed sleeps.

import {
  BASE_URL,
  checkPage,
  expectPath,
  fail,
  gone,
  log,
  newPerson,
  openFromMenu,
  PHONE,
  runE2e,
  signUpThroughUi,
  submitSignIn,
  visible,
} from './lib.mjs';
import { totp, totpStep } from './totp.mjs';

const person = newPerson('e2e-mfa', 'Noor');

async function enrol(page) {
  const security = page.getByRole('region', { name: 'Security' });
  await security.getByRole('button', { name: 'Set up two-step sign-in' }).click();
  const qr = security.getByRole('img', { name: /QR code/ });
  await visible(qr, 'the QR code');
  const qrLoaded = await qr.evaluate((img) => img.complete && img.naturalWidth > 0);
  if (!qrLoaded) fail('the QR code image did not load (CSP or a bad data URI)');
  const key = ((await security.getByTestId('manual-entry-key').textContent()) ?? '').replace(/\s/g, '');
  if (!/^[A-Z2-7]{16,}$/.test(key)) fail(`the manual key "${key}" is not base32`);
  await checkPage(page, 'desktop-mfa-setup', 'two-step set-up (desktop)');

  const step = totpStep();
  log(`  key of ${key.length} characters; confirming with the code of step ${step}`);
  await security.getByLabel('Code from the app', { exact: true }).fill(totp(key, step));
  await security.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
  const codes = security.getByRole('list', { name: 'Backup codes' });
  await visible(codes, 'the backup codes');
  const count = await codes.getByRole('listitem').count();
  if (count !== 10) fail(`expected 10 backup codes, got ${count}`);
  const backupCode = ((await codes.getByRole('listitem').first().textContent()) ?? '').replace(/[\s-]/g, '');
  await checkPage(page, 'desktop-mfa-backup-codes', 'the backup codes (desktop)');
  await security.getByRole('button', { name: 'I’ve saved them' }).click();
  await gone(codes, 'the backup codes after "I’ve saved them"');
  await visible(security.getByRole('button', { name: 'Turn off two-step sign-in' }), 'two-step sign-in shown as on');
  return { key, step, backupCode };
}

/** A phone: the password, then the code step answered with a backup code; Today opens. */
async function onPhone(browser, backupCode) {
  log('on a phone: the password, then a backup code');
  const phone = await browser.newDevice(PHONE);
  await phone.goto(`${BASE_URL}/signin`, { waitUntil: 'domcontentloaded' });
  await submitSignIn(phone, person);
  await visible(phone.getByRole('heading', { level: 1, name: 'Enter your code' }), 'the code step on the phone');
  await checkPage(phone, 'phone-mfa-code-step', 'the code step (phone)', { phone: true });
  await phone.getByLabel('Code', { exact: true }).fill(backupCode);
  await phone.getByRole('button', { name: 'Verify', exact: true }).click();
  await visible(phone.getByRole('heading', { level: 1 }).filter({ hasText: person.displayName }), 'Today after the backup code');
  await openFromMenu(phone, 'Settings');
  const security = phone.getByRole('region', { name: 'Security' });
  await visible(security.getByText('Signing in asks for a code'), 'two-step sign-in on, on the phone');
  await security.scrollIntoViewIfNeeded();
  await checkPage(phone, 'phone-settings-mfa-on', 'Settings with two-step sign-in on (phone)', { phone: true });
}

async function scenario(page, browser) {
  log(`signing up ${person.email}`);
  await signUpThroughUi(page, person);
  await openFromMenu(page, 'Settings');

  log('setting up two-step sign-in from the key on the page');
  const { key, step: enrolledStep, backupCode } = await enrol(page);

  log('signing out, then in with the password: a code is asked');
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expectPath(page, '/signin');
  await submitSignIn(page, person);
  await visible(page.getByRole('heading', { level: 1, name: 'Enter your code' }), 'the code step');
  await expectPath(page, '/signin');
  await checkPage(page, 'desktop-mfa-code-step', 'the code step (desktop)');

  // A code works once, for a later step than the last one accepted: the enrolment's step is spent, and the server
  // accepts the step after the current one (a phone whose clock is a little ahead).
  const step = Math.max(totpStep(), enrolledStep + 1);
  log(`entering the code of step ${step}`);
  await page.getByLabel('Code', { exact: true }).fill(totp(key, step));
  await page.getByRole('button', { name: 'Verify', exact: true }).click();
  await visible(page.getByRole('heading', { level: 1 }).filter({ hasText: person.displayName }), 'Today after the code');
  await expectPath(page, '/today');

  log('reloading: the session holds');
  await page.goto(`${BASE_URL}/settings`, { waitUntil: 'domcontentloaded' });
  await visible(page.getByRole('region', { name: 'Security' }).getByText('Signing in asks for a code'), 'two-step sign-in still on');

  await onPhone(browser, backupCode);
}

runE2e({ scenario, passed: 'two-step sign-in: set up with the key, backup codes once, sign in with a computed code, and with a backup code on a phone; axe on desktop and phone' });
