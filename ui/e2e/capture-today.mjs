#!/usr/bin/env node
// End-to-end check of quick capture and the Today list against a running server: sign up; type a task and see the
// preview; Enter saves it into Today; tick it (Space) and see it leave, undo, tick again; a daily task stays ticked with
// tomorrow's date; a task from an earlier day lands in "From earlier", breaks into steps and snoozes; a capture while
// offline keeps its text and saves once back online; the draft survives a reload.
//
//   PA_BASE_URL=http://localhost:8080 node ui/e2e/capture-today.mjs
//
// Env: PA_BASE_URL (default http://localhost:8080), PA_E2E_ARTIFACTS (folder for screenshots, optional),
//      PA_CHROMIUM (default /usr/bin/chromium), PA_E2E_TIMEOUT_MS (per wait, default 20000),
//      PA_E2E_TIME_ZONE (the browser's and so the person's zone, default Pacific/Auckland: far from UTC on purpose).
// Exit 0 on success; 1 with a message on failure. Waits on conditions only, never on fixed sleeps.

import {
  ARTIFACTS,
  BASE_URL,
  fail,
  fillSignUpForm,
  gone,
  log,
  newPerson,
  runE2e,
  screenshot as shot,
  submitSignUp,
  visible,
  WAIT_MS,
} from './lib.mjs';

const TIME_ZONE = process.env.PA_E2E_TIME_ZONE || 'Pacific/Auckland';

const person = newPerson('e2e-capture', 'Grace');

/** Screenshots here are taken with animations stopped. */
const screenshot = (page, name, options = {}) => shot(page, name, { animations: 'disabled', ...options });

/** The calendar day (YYYY-MM-DD) `offset` days from today in the person's zone. */
function dayInZone(offset) {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(new Date());
  const [y, m, d] = today.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + offset)).toISOString().slice(0, 10);
}

/** Waits until the element's text contains every one of `parts`. */
async function textContains(page, locator, parts, what) {
  const handle = await locator.elementHandle({ timeout: WAIT_MS });
  await page
    .waitForFunction(
      ([el, wanted]) => wanted.every((part) => (el.textContent || '').includes(part)),
      [handle, parts],
      { timeout: WAIT_MS },
    )
    .catch(async () => fail(`${what}: expected ${JSON.stringify(parts)} in "${(await locator.textContent()) ?? ''}"`));
}

async function captureBoxValue(page, expected, what) {
  await page
    .waitForFunction((value) => document.querySelector('input[name="capture"]')?.value === value, expected, {
      timeout: WAIT_MS,
    })
    .catch(async () =>
      fail(`${what}: expected the capture box to hold "${expected}", it holds "${await page.getByLabel('Capture a task').inputValue()}"`),
    );
}

async function signUp(page) {
  await page.goto(`${BASE_URL}/signup`, { waitUntil: 'domcontentloaded' });
  await visible(page.getByRole('heading', { level: 1, name: 'Create your account' }), 'the sign-up page');
  const zone = await fillSignUpForm(page, person);
  if (zone !== TIME_ZONE) fail(`the time zone field holds "${zone}", expected the browser's ${TIME_ZONE}`);
  await submitSignUp(page);
  await visible(page.getByRole('heading', { level: 1 }).filter({ hasText: person.displayName }), 'Today with the name');
  await visible(page.getByText('Nothing due today', { exact: true }), 'the calm empty state');
}

async function scenario(page) {
  const box = page.getByLabel('Capture a task', { exact: true });
  const preview = page.getByTestId('capture-preview');
  const todaySection = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Today', exact: true }) });
  const earlierSection = page.locator('section', {
    has: page.getByRole('heading', { level: 2, name: 'From earlier — pick one to restart' }),
  });
  const status = page.getByRole('status');

  log(`signing up ${person.email} in ${TIME_ZONE}`);
  await signUp(page);
  await screenshot(page, 'today-empty');

  log('typing "pay rent today !high #home": the preview reads it');
  await box.click();
  await box.pressSequentially('pay rent today !high #home', { delay: 15 });
  await textContains(page, preview, ['pay rent', 'today', 'High priority', '#home'], 'the preview');
  await screenshot(page, 'preview');

  log('Enter saves it: the box clears, keeps focus, and the task is in Today');
  await box.press('Enter');
  const rent = todaySection.getByRole('checkbox', { name: 'pay rent', exact: true });
  await visible(rent, '"pay rent" in Today');
  await captureBoxValue(page, '', 'after saving');
  if (!(await box.evaluate((el) => el === document.activeElement))) fail('the capture box lost focus after saving');
  await textContains(page, rent.locator('xpath=ancestor::li[1]'), ['High priority', '#home'], 'the "pay rent" row');
  await screenshot(page, 'captured');

  log('ticking it with Space: it leaves the list, with an Undo');
  await rent.focus();
  await page.keyboard.press('Space');
  await gone(rent, '"pay rent" after ticking it');
  await textContains(page, status, ['Done', 'pay rent'], 'the status message');
  await screenshot(page, 'done-with-undo', { fullPage: false });
  await status.getByRole('button', { name: 'Undo' }).click();
  await visible(rent, '"pay rent" back after Undo');
  if (await rent.isChecked()) fail('"pay rent" came back ticked after Undo');
  await rent.click();
  await gone(rent, '"pay rent" after ticking it again');

  log('capturing "water plants every day": ticking it keeps it, with tomorrow as its next due');
  await box.fill('water plants every day');
  await textContains(page, preview, ['water plants', 'every day', 'today'], 'the preview of a daily task');
  await box.press('Enter');
  const water = todaySection.getByRole('checkbox', { name: 'water plants', exact: true });
  await visible(water, '"water plants" in Today');
  await water.click();
  await textContains(page, water.locator('xpath=ancestor::li[1]'), ['Done for today', 'next tomorrow'], 'the ticked daily task');
  if (!(await water.isChecked())) fail('the daily task is not shown ticked');
  await screenshot(page, 'recurring-done');

  const earlierDay = dayInZone(-3);
  log(`capturing "send the form ${earlierDay}": it lands in "From earlier" and breaks into steps`);
  await box.fill(`send the form ${earlierDay}`);
  await textContains(page, preview, ['send the form'], 'the preview of an earlier task');
  await box.press('Enter');
  const form = earlierSection.getByRole('checkbox', { name: 'send the form', exact: true });
  await visible(form, '"send the form" under "From earlier"');
  const sectionText = (await earlierSection.textContent()) ?? '';
  if (/\b(late|failed|overdue)\b/i.test(sectionText)) fail(`the earlier section uses shaming words: "${sectionText}"`);
  const formItem = form.locator('xpath=ancestor::li[1]');
  await formItem.getByRole('button', { name: 'Break into steps' }).click();
  const steps = page.getByRole('list', { name: 'Steps for send the form' });
  await visible(steps, 'the steps of "send the form"');
  const stepCount = await steps.getByRole('checkbox').count();
  if (stepCount < 3 || stepCount > 6) fail(`expected 3 to 6 steps, got ${stepCount}`);
  log(`  ${stepCount} steps`);
  const firstStep = steps.getByRole('checkbox').first();
  await firstStep.click();
  await page.waitForFunction((el) => el.checked, await firstStep.elementHandle(), { timeout: WAIT_MS });
  await screenshot(page, 'steps');
  if (ARTIFACTS) {
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'steps-dark');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'steps-mobile-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await screenshot(page, 'steps-mobile');
    await page.setViewportSize({ width: 1280, height: 860 });
  }

  log('snoozing it for an hour: it leaves the list');
  await formItem.getByRole('button', { name: 'Snooze' }).click();
  await page.getByRole('menuitem', { name: 'For an hour' }).click();
  await gone(form, '"send the form" after snoozing it');
  await textContains(page, status, ['send the form', 'resting'], 'the snooze message');

  log('capturing while the server cannot be reached keeps the text; Enter again saves it');
  await page.route('**/graphql', (route) =>
    (route.request().postData() || '').includes('"CaptureTask"') ? route.abort('internetdisconnected') : route.continue(),
  );
  await box.fill('buy milk tomorrow #errands');
  await box.press('Enter');
  const alert = page.getByRole('alert').filter({ hasText: /couldn’t reach your assistant/ });
  await visible(alert, 'the offline message under the capture box');
  await captureBoxValue(page, 'buy milk tomorrow #errands', 'after a network failure');
  await screenshot(page, 'capture-offline', { fullPage: false });
  await page.unroute('**/graphql');
  await box.press('Enter');
  const later = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Saved for later' }) });
  await visible(later.getByRole('checkbox', { name: 'buy milk', exact: true }), '"buy milk" under "Saved for later"');
  await captureBoxValue(page, '', 'after saving once back online');
  if ((await alert.count()) > 0) fail('the offline message stayed after saving');

  log('a half-typed capture survives a reload');
  await box.fill('half a thought');
  await page.reload({ waitUntil: 'domcontentloaded' });
  await visible(page.getByRole('heading', { level: 1 }).filter({ hasText: person.displayName }), 'Today after reload');
  await captureBoxValue(page, 'half a thought', 'after reload');
  await visible(page.getByText('Nothing due today', { exact: true }), 'the empty state after reload (all done, snoozed or later)');
  await screenshot(page, 'after-reload');
}

runE2e({
  scenario,
  passed: 'capture with preview, Today, tick/undo, daily task, from earlier, steps, snooze, offline capture, draft',
  contextOptions: { timezoneId: TIME_ZONE },
});
