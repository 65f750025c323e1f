#!/usr/bin/env node
// End-to-end: planning the week, a focus session and the insights, on a desktop and on a phone, against a running
// server.
//   - tasks captured for today, tomorrow and no date; on the Week page one is dragged from tomorrow to 3 days ahead and
//     stays there after a reload; another is moved a day with its button (the keyboard's way); an undated one is
//     planned for today;
//   - a 5-minute focus session on a task (the page's clock fast-forwarded), its check-in, and the Insights page then
//     counting 1 session of 5 minutes; the notification bell opens, closes with Escape (the focus back on it) and with
//     a click elsewhere;
//   - axe-core finds no serious or critical violation on Week, Focus and Insights, desktop and phone; phone targets
//     are 44 px; screenshots of each.
//
//   PA_BASE_URL=http://localhost:8080 node ui/e2e/plan-focus.mjs

import { BASE_URL, checkA11y, checkTargets, fail, gone, log, newPerson, PHONE, runE2e, screenshot, signInThroughUi, signUpThroughUi, visible, WAIT_MS } from './lib.mjs';

const TIME_ZONE = process.env.PA_E2E_TIME_ZONE || 'Europe/Paris';
const person = newPerson('e2e-plan', 'Ilan');

/** The calendar day `offset` days from today in the browser's zone, YYYY-MM-DD. */
function localDay(offset = 0) {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  return new Date(Date.parse(`${today}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
}

async function capture(page, text) {
  const box = page.getByLabel('Capture a task', { exact: true });
  await box.fill(text);
  await box.press('Enter');
  await page.waitForFunction((b) => b.value === '', await box.elementHandle(), { timeout: WAIT_MS }).catch(() => fail(`"${text}" was not saved`));
}

/** The Week page's column of a day (YYYY-MM-DD). */
function column(page, day) {
  return page.locator(`section[data-day="${day}"]`);
}

function card(scope, title) {
  return scope.locator('li.week-task', { hasText: title });
}

async function openFromMenu(page, name) {
  await page.getByRole('navigation', { name: 'App menu' }).getByRole('link', { name, exact: true }).click();
  await visible(page.getByRole('heading', { level: 1, name, exact: true }), `the ${name} page`);
}

async function scenario(page, browser) {
  log(`signing up ${person.email} in ${TIME_ZONE}`);
  await signUpThroughUi(page, person);
  for (const text of ['call mom tomorrow', 'pay rent today', 'buy milk', 'write report tomorrow']) await capture(page, text);

  // ---------- the week: drag, buttons, plan for today ----------
  await openFromMenu(page, 'Week');
  await visible(card(column(page, localDay(1)), 'call mom'), '"call mom" on tomorrow');
  log('dragging "call mom" from tomorrow to 3 days ahead');
  await card(column(page, localDay(1)), 'call mom').dragTo(column(page, localDay(3)));
  await visible(card(column(page, localDay(3)), 'call mom'), '"call mom" 3 days ahead after the drag');
  await visible(page.getByRole('status').getByText(/“call mom” moved to/), 'the "moved" message');
  await page.reload({ waitUntil: 'domcontentloaded' });
  await visible(card(column(page, localDay(3)), 'call mom'), '"call mom" 3 days ahead after a reload');
  if ((await card(column(page, localDay(1)), 'call mom').count()) > 0) fail('"call mom" is still on tomorrow');

  log('moving "write report" a day later with the keyboard, and planning "buy milk" for today');
  await page.getByRole('button', { name: 'Move “write report” to the next day' }).focus();
  await page.keyboard.press('Enter');
  await visible(card(column(page, localDay(2)), 'write report'), '"write report" two days ahead');
  await page.getByRole('button', { name: 'Plan “buy milk” for today' }).click();
  await visible(card(column(page, localDay(0)), 'buy milk'), '"buy milk" on today');
  await screenshot(page, 'desktop-week');
  await checkA11y(page, 'Week (desktop)');

  // ---------- the bell ----------
  const bell = page.getByRole('button', { name: /^Notifications/ });
  await bell.click();
  await visible(page.getByRole('dialog', { name: 'Notifications' }), 'the notifications panel');
  await screenshot(page, 'desktop-notifications', { fullPage: false });
  await checkA11y(page, 'the notifications panel (desktop)');
  await page.keyboard.press('Escape');
  if ((await bell.getAttribute('aria-expanded')) !== 'false') fail('Escape did not close the notifications panel');
  if (!(await bell.evaluate((el) => el === document.activeElement))) fail('Escape did not give the focus back to the bell');
  await bell.click();
  await visible(page.getByRole('dialog', { name: 'Notifications' }), 'the notifications panel again');
  await page.getByRole('heading', { level: 1, name: 'Week', exact: true }).click();
  await gone(page.getByRole('dialog', { name: 'Notifications' }), 'the notifications panel after a click elsewhere');

  // ---------- a focus session on "pay rent", its 5 minutes fast-forwarded ----------
  log('a 5-minute focus session on "pay rent"');
  await page.clock.install();
  await openFromMenu(page, 'Tasks');
  await page.getByRole('link', { name: 'Focus on “pay rent”' }).click();
  await visible(page.getByRole('heading', { level: 1, name: 'Focus', exact: true }), 'the Focus page');
  const length = page.getByLabel('How long');
  await length.focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft');
  await visible(page.getByText('5 minutes', { exact: true }), '5 minutes chosen with the keyboard');
  await checkA11y(page, 'Focus (desktop)');
  await page.getByRole('button', { name: 'Start' }).click();
  await visible(page.getByRole('timer', { name: 'Time left' }).getByText('5:00'), 'the timer at 5:00');
  await screenshot(page, 'desktop-focus-running', { fullPage: false });
  await page.clock.fastForward('05:01');
  await visible(page.getByRole('heading', { name: '5 minutes of focus. How did it go?' }), 'the check-in');
  await visible(page.getByText('Counted in your insights: 5 minutes.'), 'the session recorded');
  await screenshot(page, 'desktop-focus-checkin', { fullPage: false });
  await checkA11y(page, 'the focus check-in (desktop)');

  // ---------- insights count it ----------
  await openFromMenu(page, 'Insights');
  await visible(page.getByText('1 session', { exact: true }), 'the focus session in insights');
  await visible(page.getByText(/^5 minutes in all/), 'its minutes in insights');
  if ((await page.locator('.insights__chart svg').count()) < 4) fail('the Insights page drew fewer than 4 charts');
  await screenshot(page, 'desktop-insights');
  await checkA11y(page, 'Insights (desktop)');

  // ---------- on a phone ----------
  log('on a phone: Week, Focus, Insights');
  const phone = await browser.newDevice({ ...PHONE, timezoneId: TIME_ZONE });
  await signInThroughUi(phone, person);
  await openFromMenu(phone, 'Week');
  await visible(card(column(phone, localDay(3)), 'call mom'), 'the week on the phone');
  await screenshot(phone, 'phone-week');
  await checkA11y(phone, 'Week (phone)');
  await checkTargets(phone, 'Week (phone)');
  await openFromMenu(phone, 'Insights');
  await visible(phone.getByText('1 session', { exact: true }), 'insights on the phone');
  await screenshot(phone, 'phone-insights');
  await checkA11y(phone, 'Insights (phone)');
  await checkTargets(phone, 'Insights (phone)');
  await phone.goto(`${BASE_URL}/tasks`, { waitUntil: 'domcontentloaded' });
  await phone.getByRole('link', { name: 'Focus on “write report”' }).click();
  await visible(phone.getByRole('button', { name: 'Start' }), 'the Focus page on the phone');
  await screenshot(phone, 'phone-focus');
  await checkA11y(phone, 'Focus (phone)');
  await checkTargets(phone, 'Focus (phone)');
}

runE2e({
  scenario,
  passed: 'week drag and keyboard moves kept after a reload, a focus session counted in insights, the bell, axe on desktop and phone',
  contextOptions: { timezoneId: TIME_ZONE },
});
