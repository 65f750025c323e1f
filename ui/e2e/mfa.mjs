#!/usr/bin/env node
// End-to-end check of two-step sign-in against a running server: sign up; in Settings › Security set up an
// authenticator app from the key the page shows (the code computed here, as the app would); the 10 backup codes are
// shown once; sign out; sign in with the password, then a code computed here; Today opens.
//
//   PA_BASE_URL=http://localhost:8080 node ui/e2e/mfa.mjs
//
// Env: see lib.mjs. Exit 0 on success; 1 with a message on failure. Waits on conditions only, never on fixed sleeps.

import {
  BASE_URL,
  expectPath,
  fail,
  gone,
  log,
  newPerson,
  openFromMenu,
  runE2e,
  screenshot,
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
  await screenshot(page, 'mfa-setup');

  const step = totpStep();
  log(`  key of ${key.length} characters; confirming with the code of step ${step}`);
  await security.getByLabel('Code from the app', { exact: true }).fill(totp(key, step));
  await security.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
  const codes = security.getByRole('list', { name: 'Backup codes' });
  await visible(codes, 'the backup codes');
  const count = await codes.getByRole('listitem').count();
  if (count !== 10) fail(`expected 10 backup codes, got ${count}`);
  await screenshot(page, 'mfa-backup-codes');
  await security.getByRole('button', { name: 'I’ve saved them' }).click();
  await gone(codes, 'the backup codes after "I’ve saved them"');
  await visible(security.getByRole('button', { name: 'Turn off two-step sign-in' }), 'two-step sign-in shown as on');
  return { key, step };
}

async function scenario(page) {
  log(`signing up ${person.email}`);
  await signUpThroughUi(page, person);
  await openFromMenu(page, 'Settings');

  log('setting up two-step sign-in from the key on the page');
  const { key, step: enrolledStep } = await enrol(page);

  log('signing out, then in with the password: a code is asked');
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expectPath(page, '/signin');
  await submitSignIn(page, person);
  await visible(page.getByRole('heading', { level: 1, name: 'Enter your code' }), 'the code step');
  await expectPath(page, '/signin');
  await screenshot(page, 'mfa-code-step');

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
}

runE2e({ scenario, passed: 'two-step sign-in: set up with the key, backup codes once, sign in with a computed code' });
