#!/usr/bin/env node
// End-to-end check of the Settings page against a running server: sign up, open Settings from the app menu, change
// the preferences (breakdown threshold, quiet hours, digest time), see them saved, reload and find them kept. Then
// sessions: sign in on a second browser; the first lists both (itself as "This device") and signs the other out; the
// second is signed out at its next refresh (a reload), while the first stays signed in.
//
//   PA_BASE_URL=http://localhost:8080 node ui/e2e/settings.mjs
//
// Env: see lib.mjs. Exit 0 on success; 1 with a message on failure. Waits on conditions only, never on fixed sleeps.

import {
  ARTIFACTS,
  BASE_URL,
  expectPath,
  fail,
  log,
  newPerson,
  openFromMenu,
  runE2e,
  screenshot,
  signInThroughUi,
  signUpThroughUi,
  visible,
  WAIT_MS,
} from './lib.mjs';

const person = newPerson('e2e-settings', 'Lin');

/** Waits until the input labelled `label` inside `scope` holds `expected`. */
async function holds(page, scope, label, expected, what) {
  const input = scope.getByLabel(label, { exact: true });
  const handle = await input.elementHandle({ timeout: WAIT_MS });
  await page
    .waitForFunction(([el, value]) => el.value === value, [handle, expected], { timeout: WAIT_MS })
    .catch(async () => fail(`${what}: "${label}" holds "${await input.inputValue()}", expected "${expected}"`));
}

async function preferences(page) {
  const section = page.getByRole('region', { name: 'Preferences' });
  log('the preferences show the defaults');
  await holds(page, section, 'Daily summary mail', '07:30', 'defaults');
  await holds(page, section, 'Break a task into steps after it slips', '3', 'defaults');

  log('changing them: threshold 5, quiet hours 21:30 to 08:00, summary at 08:15');
  await section.getByLabel('Break a task into steps after it slips', { exact: true }).fill('5');
  await section.getByLabel('From', { exact: true }).fill('21:30');
  await section.getByLabel('Until', { exact: true }).fill('08:00');
  await section.getByLabel('Daily summary mail', { exact: true }).fill('08:15');
  await section.getByRole('button', { name: 'Save preferences' }).click();
  await visible(section.getByRole('status').filter({ hasText: 'Saved' }), 'the "Saved" message');
  await screenshot(page, 'preferences-saved');

  log('reloading: the preferences are kept');
  await page.reload({ waitUntil: 'domcontentloaded' });
  await visible(page.getByRole('heading', { level: 1, name: 'Settings' }), 'Settings after reload');
  const reloaded = page.getByRole('region', { name: 'Preferences' });
  await holds(page, reloaded, 'Break a task into steps after it slips', '5', 'after reload');
  await holds(page, reloaded, 'From', '21:30', 'after reload');
  await holds(page, reloaded, 'Until', '08:00', 'after reload');
  await holds(page, reloaded, 'Daily summary mail', '08:15', 'after reload');
}

async function sessions(page, browser) {
  log('signing in on a second device');
  const other = await browser.newDevice();
  await signInThroughUi(other, person);

  log('the first device lists both sessions, itself marked "This device"');
  await page.reload({ waitUntil: 'domcontentloaded' });
  const list = page.getByRole('list', { name: 'Sessions' });
  await visible(list, 'the sessions list');
  const items = list.getByRole('listitem');
  await page
    .waitForFunction((el) => el.querySelectorAll(':scope > li').length === 2, await list.elementHandle(), { timeout: WAIT_MS })
    .catch(async () => fail(`expected 2 sessions, the list shows ${await items.count()}`));
  const here = items.filter({ hasText: 'This device' });
  if ((await here.count()) !== 1) fail('exactly one session should be marked "This device"');
  if ((await here.getByRole('button').count()) !== 0) fail('this device’s session offers to sign itself out');
  await screenshot(page, 'sessions');

  log('signing the other device out from the first');
  const otherItem = items.filter({ hasNotText: 'This device' });
  await otherItem.getByRole('button', { name: /^Sign out of / }).click();
  const security = page.getByRole('region', { name: 'Security' });
  await visible(security.getByRole('status').filter({ hasText: /^Signed out of / }), 'the "Signed out of …" message');
  await page
    .waitForFunction((el) => el.querySelectorAll(':scope > li').length === 1, await list.elementHandle(), { timeout: WAIT_MS })
    .catch(() => fail('the signed-out session stayed in the list'));

  log('the second device is signed out at its next refresh');
  await other.reload({ waitUntil: 'domcontentloaded' });
  await visible(other.getByRole('heading', { level: 1, name: 'Sign in', exact: true }), 'the sign-in page on the second device');
  await expectPath(other, '/signin');

  log('the first device is still signed in');
  await page.goto(`${BASE_URL}/settings`, { waitUntil: 'domcontentloaded' });
  await visible(page.getByRole('heading', { level: 1, name: 'Settings' }), 'Settings on the first device after a reload');
  await visible(page.getByRole('list', { name: 'Sessions' }).getByText('This device'), 'this device in the list');
}

async function scenario(page, browser) {
  log(`signing up ${person.email}`);
  await signUpThroughUi(page, person);
  await openFromMenu(page, 'Settings');
  if (new URL(page.url()).pathname !== '/settings') fail(`Settings is at ${page.url()}`);
  await screenshot(page, 'settings');
  await preferences(page);
  await sessions(page, browser);
  if (ARTIFACTS) {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'settings-mobile-dark', { fullPage: false });
    await page.getByRole('region', { name: 'Security' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'security-mobile-dark', { fullPage: false });
  }
}

runE2e({ scenario, passed: 'settings: preferences kept after reload; a session signed out from another device' });
