#!/usr/bin/env node
// End-to-end: the whole web app as a new person meets it, on a desktop and on a phone, against a running server.
//   - sign-up lands in the capture box with "check your mail"; eight tasks captured (today, tomorrow, later, earlier,
//     no date, a repeating one); after a reload every one of them is on the Tasks page, in its group;
//   - a task's due and repeat rule edited in its panel (kept after a reload); snooze until next week, then wake it;
//     delete with Undo; done, then "not done after all"; a tag chip filters the list; j/x and ? from the keyboard;
//   - the title limit shown while typing; "add a few words" for a line that is only a date, a priority and a tag;
//   - /admin for someone who is not an administrator says "not available"; the sessions list says "this computer";
//   - the language set to French: the menu, the pages and the dates follow;
//   - static files arrive compressed; first contentful paint of / under 1 s on a cold cache;
//   - axe-core finds no serious or critical violation on each page, desktop and phone; phone targets are 44 px.
//
//   PA_BASE_URL=http://localhost:8080 node ui/e2e/tasks.mjs
//
// Env: as lib.mjs; PA_E2E_TIME_ZONE (default Europe/Paris) is the browser's zone, hence the new account's.

import {
  BASE_URL,
  checkA11y,
  checkTargets,
  expectPath,
  fail,
  fillSignUpForm,
  gone,
  log,
  newPerson,
  PHONE,
  runE2e,
  screenshot,
  signInThroughUi,
  submitSignUp,
  visible,
  WAIT_MS,
} from './lib.mjs';

const TIME_ZONE = process.env.PA_E2E_TIME_ZONE || 'Europe/Paris';
const person = newPerson('e2e-tasks', 'Noa');

/** The calendar day `offset` days from today in the browser's zone, YYYY-MM-DD. */
function localDay(offset = 0) {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  const utc = Date.parse(`${today}T00:00:00Z`) + offset * 86_400_000;
  return new Date(utc).toISOString().slice(0, 10);
}

const CAPTURES = [
  { text: 'pay rent today !high #home', title: 'pay rent', group: 'Today' },
  { text: 'call mom tomorrow at 5pm #family', title: 'call mom', group: 'Coming up' },
  { text: 'buy milk', title: 'buy milk', group: 'Someday' },
  { text: 'finish report the day after tomorrow', title: 'finish report', group: 'Coming up' },
  { text: 'renew passport yesterday', title: 'renew passport', group: 'From earlier' },
  { text: 'water plants every 3 days starting tomorrow #home', title: 'water plants', group: 'Coming up' },
  { text: 'plan trip next weekend #travel', title: 'plan trip', group: 'Coming up' },
  { text: 'read a book', title: 'read a book', group: 'Someday' },
];

function group(page, name) {
  return page.locator('section', { has: page.getByRole('heading', { level: 2, name: new RegExp(`^${name}`) }) });
}

function taskTitle(scope, title) {
  return scope.getByRole('button', { name: title, exact: true });
}

async function capture(page, text) {
  const box = page.getByLabel('Capture a task', { exact: true });
  await box.fill(text);
  await box.press('Enter');
  await page.waitForFunction((b) => b.value === '', await box.elementHandle(), { timeout: WAIT_MS }).catch(() => fail(`"${text}" was not saved`));
}

async function measureFirstPaint(browser) {
  const fresh = await browser.newDevice();
  await fresh.goto(`${BASE_URL}/`, { waitUntil: 'load' });
  await visible(fresh.getByRole('heading', { level: 1, name: 'Sign in', exact: true }), 'sign-in on a cold cache');
  const fcp = await fresh.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1);
  log(`  first contentful paint of / on a cold cache: ${Math.round(fcp)} ms`);
  if (fcp < 0) fail('the browser reported no first contentful paint');
  if (fcp >= 1000) fail(`first contentful paint of / took ${Math.round(fcp)} ms on a cold cache (the aim is under 1 s)`);
  await fresh.context().close();
  return fcp;
}

async function scenario(page, browser) {
  // ---------- static files compressed; first paint ----------
  const encodings = new Map();
  page.on('response', (response) => {
    if (/\/assets\/index-.*\.js$/.test(response.url())) encodings.set('script', response.headers()['content-encoding'] ?? 'identity');
  });
  await measureFirstPaint(browser);

  // ---------- sign up ----------
  log(`signing up ${person.email} in ${TIME_ZONE}`);
  await page.goto(`${BASE_URL}/signup`, { waitUntil: 'domcontentloaded' });
  await visible(page.getByRole('heading', { level: 1, name: 'Create your account' }), 'the sign-up page');
  await checkA11y(page, 'sign-up (desktop)');
  await fillSignUpForm(page, person);
  await submitSignUp(page);
  await visible(page.getByRole('heading', { level: 1 }).filter({ hasText: person.displayName }), 'Today after sign-up');
  await visible(page.getByText(/open it to confirm your address/), 'the "check your mail" welcome');
  await page.waitForFunction(() => document.activeElement?.classList.contains('capture__input'), null, { timeout: WAIT_MS })
    .catch(() => fail('after sign-up the focus is not in the capture box'));
  const encoding = encodings.get('script');
  if (!['br', 'gzip'].includes(encoding)) fail(`the script arrived with content-encoding ${encoding}, not compressed`);
  log(`  the script arrived with content-encoding: ${encoding}`);
  await screenshot(page, 'desktop-today-welcome');
  await checkA11y(page, 'Today (desktop)');

  // ---------- the capture box: title limit and "add a few words" ----------
  const box = page.getByLabel('Capture a task', { exact: true });
  await box.fill('x'.repeat(520));
  await visible(page.getByText('20 characters over the 500 a title can hold'), 'the title limit while typing');
  await box.press('Enter');
  await visible(page.getByRole('alert').filter({ hasText: /20 characters too long/ }), 'the refusal of a long title');
  await box.fill('tomorrow !high #x');
  await visible(page.getByTestId('capture-preview').getByText('Add a few words for the title'), 'the "add a few words" preview');
  await box.press('Enter');
  await visible(page.getByRole('alert').filter({ hasText: /Add a few words for the title/ }), 'the "add a few words" hint on Enter');
  await screenshot(page, 'desktop-capture-hint');

  // ---------- eight tasks, then a reload: all findable ----------
  log('capturing eight tasks');
  for (const { text } of CAPTURES) await capture(page, text);
  await page.getByRole('navigation', { name: 'App menu' }).getByRole('link', { name: 'Tasks', exact: true }).click();
  await visible(page.getByRole('heading', { level: 1, name: 'Tasks', exact: true }), 'the Tasks page');
  await page.reload({ waitUntil: 'domcontentloaded' });
  await visible(page.getByRole('heading', { level: 1, name: 'Tasks', exact: true }), 'the Tasks page after a reload');
  for (const { title, group: name } of CAPTURES) {
    await visible(taskTitle(group(page, name), title), `"${title}" under "${name}" after a reload`);
  }
  log('  all eight are on the Tasks page after a reload, each in its group');
  await screenshot(page, 'desktop-tasks');
  await checkA11y(page, 'Tasks (desktop)');

  // ---------- edit a due and a repeat rule ----------
  log('editing "finish report": due in 5 days at 10:30, every other Monday and Thursday');
  await taskTitle(page, 'finish report').click();
  const panel = page.getByRole('dialog', { name: 'Task' });
  await visible(panel, 'the task panel');
  await panel.getByLabel('Day', { exact: true }).fill(localDay(5));
  await panel.getByLabel('Time (none: all day)').fill('10:30');
  await panel.getByLabel('How often').selectOption('WEEKLY');
  await panel.getByLabel('Every', { exact: true }).fill('2');
  await panel.getByRole('checkbox', { name: 'Monday' }).check();
  await panel.getByRole('checkbox', { name: 'Thursday' }).check();
  await visible(panel.getByText('Repeats every other Monday and Thursday.'), 'the rule in words');
  await screenshot(page, 'desktop-task-panel', { fullPage: false });
  await checkA11y(page, 'the task panel (desktop)');
  await panel.getByRole('button', { name: 'Save changes' }).click();
  await gone(panel, 'the task panel');
  await page.reload({ waitUntil: 'domcontentloaded' });
  const report = taskTitle(page, 'finish report').locator('xpath=ancestor::li[1]');
  await visible(report.getByText('every other Monday and Thursday'), 'the repeat rule after a reload');
  await visible(report.getByText(/10:30/), 'the due time after a reload');

  // ---------- snooze and wake ----------
  log('snoozing "pay rent" until next week, then waking it');
  const rent = taskTitle(page, 'pay rent').locator('xpath=ancestor::li[1]');
  await rent.getByRole('button', { name: 'Snooze “pay rent”' }).click();
  await page.getByRole('menuitem', { name: 'Until next week' }).click();
  await visible(taskTitle(group(page, 'Resting'), 'pay rent'), '"pay rent" resting');
  await page.getByRole('button', { name: 'Wake up “pay rent” now' }).click();
  await visible(taskTitle(group(page, 'Today'), 'pay rent'), '"pay rent" back under Today');

  // ---------- delete with undo ----------
  await taskTitle(page, 'read a book').click();
  await panel.getByRole('button', { name: 'Delete this task' }).click();
  await gone(taskTitle(page, 'read a book'), '"read a book" after delete');
  await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
  await visible(taskTitle(group(page, 'Someday'), 'read a book'), '"read a book" after Undo');

  // ---------- done, then not done after all ----------
  // click, not check: a done task leaves the list, so the box is never seen checked for long.
  await page.getByRole('checkbox', { name: 'Mark “buy milk” done' }).click();
  await gone(taskTitle(page, 'buy milk'), '"buy milk" once done');
  await page.getByRole('button', { name: 'Done', exact: true }).click();
  const done = page.locator('section', { has: page.getByRole('heading', { level: 2, name: /^Done/ }) });
  await visible(done.getByText('buy milk'), '"buy milk" in the done history');
  await screenshot(page, 'desktop-tasks-done');
  await done.getByRole('button', { name: '“buy milk” is not done after all' }).click();
  await gone(done.getByText('buy milk'), '"buy milk" out of the history');
  await page.getByRole('button', { name: /^Open/ }).click();
  await visible(taskTitle(page, 'buy milk'), '"buy milk" open again');

  // ---------- a tag filters; the keyboard ----------
  await page.getByRole('button', { name: 'Show only #home' }).first().click();
  await page.waitForURL((url) => url.searchParams.get('tag') === 'home', { timeout: WAIT_MS });
  await gone(taskTitle(page, 'call mom'), '"call mom" under the #home filter');
  await visible(taskTitle(page, 'water plants'), '"water plants" under the #home filter');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await visible(taskTitle(page, 'call mom'), '"call mom" once the filter is cleared');
  await page.getByRole('heading', { level: 1, name: 'Tasks', exact: true }).click();
  await page.keyboard.press('j');
  await page.waitForFunction(() => document.activeElement?.matches('input.check'), null, { timeout: WAIT_MS }).catch(() => fail('j did not move to a task'));
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await visible(help, 'the keyboard shortcuts');
  await checkA11y(page, 'the shortcuts dialog (desktop)');
  await page.keyboard.press('Escape');
  await gone(help, 'the keyboard shortcuts after Escape');

  // ---------- not available; sessions ----------
  await page.goto(`${BASE_URL}/admin`, { waitUntil: 'domcontentloaded' });
  await visible(page.getByRole('heading', { level: 1, name: 'This page isn’t available to you' }), 'the "not available" page');
  if ((await page.getByText(/This is for administrators/).count()) > 0) fail('/admin shows the refused sections');
  await screenshot(page, 'desktop-admin-not-available');
  await checkA11y(page, 'not available (desktop)');

  await page.goto(`${BASE_URL}/settings`, { waitUntil: 'domcontentloaded' });
  await visible(page.getByRole('heading', { level: 1, name: 'Settings', exact: true }), 'Settings');
  const sessions = page.getByRole('list', { name: 'Sessions' });
  await visible(sessions.getByText('from this computer'), 'the loopback address said as "this computer"');
  if ((await sessions.getByText(/0:0:0:0/).count()) > 0) fail('the sessions list shows a raw IPv6 loopback');
  await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: 'Calendar' }).click();
  const calendar = page.getByRole('region', { name: 'Calendar' });
  await calendar.getByRole('button', { name: 'Subscribe in my calendar' }).click();
  const feed = calendar.getByLabel('Your feed address');
  await visible(feed, 'the calendar feed address');
  if (!/\/ical\//.test(await feed.inputValue())) fail(`the feed address looks wrong: ${await feed.inputValue()}`);
  await screenshot(page, 'desktop-settings');
  await checkA11y(page, 'Settings (desktop)');

  // ---------- on a phone ----------
  log('on a phone: Today, Tasks, the panel, Settings, the notifications, not available');
  const phone = await browser.newDevice({ ...PHONE, timezoneId: TIME_ZONE });
  await signInThroughUi(phone, person);
  await screenshot(phone, 'phone-today');
  await checkA11y(phone, 'Today (phone)');
  await checkTargets(phone, 'Today (phone)');
  await phone.getByRole('navigation', { name: 'App menu' }).getByRole('link', { name: 'Tasks', exact: true }).click();
  await visible(taskTitle(phone, 'water plants'), 'the Tasks page on the phone');
  await screenshot(phone, 'phone-tasks');
  await checkA11y(phone, 'Tasks (phone)');
  await checkTargets(phone, 'Tasks (phone)');
  await taskTitle(phone, 'water plants').click();
  await visible(phone.getByRole('dialog', { name: 'Task' }), 'the task panel on the phone');
  await screenshot(phone, 'phone-task-panel', { fullPage: false });
  await checkA11y(phone, 'the task panel (phone)');
  await phone.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
  await phone.getByRole('navigation', { name: 'App menu' }).getByRole('link', { name: 'Settings', exact: true }).click();
  await visible(phone.getByRole('heading', { level: 1, name: 'Settings', exact: true }), 'Settings on the phone');
  await screenshot(phone, 'phone-settings');
  await checkA11y(phone, 'Settings (phone)');
  await checkTargets(phone, 'Settings (phone)');
  const bell = phone.getByRole('button', { name: /^Notifications/ });
  await bell.click();
  await visible(phone.getByRole('dialog', { name: 'Notifications' }), 'the notifications panel on the phone');
  await screenshot(phone, 'phone-notifications', { fullPage: false });
  await checkA11y(phone, 'the notifications panel (phone)');
  await checkTargets(phone, 'the notifications panel (phone)');
  await phone.keyboard.press('Escape');
  await gone(phone.getByRole('dialog', { name: 'Notifications' }), 'the notifications panel after Escape');
  await phone.goto(`${BASE_URL}/admin`, { waitUntil: 'domcontentloaded' });
  await visible(phone.getByRole('heading', { level: 1, name: 'This page isn’t available to you' }), '"not available" on the phone');
  await screenshot(phone, 'phone-admin-not-available');
  await checkA11y(phone, 'not available (phone)');
  await checkTargets(phone, 'not available (phone)');

  // ---------- French ----------
  log('switching the language to French');
  const profile = page.getByRole('region', { name: 'Profile' });
  await profile.getByLabel('Language').selectOption('fr');
  await profile.getByRole('button', { name: 'Save profile' }).click();
  await visible(page.getByRole('heading', { level: 1, name: 'Réglages', exact: true }), 'Settings in French');
  await page.getByRole('navigation', { name: 'Menu de l’application' }).getByRole('link', { name: 'Tâches', exact: true }).click();
  await visible(page.getByRole('heading', { level: 1, name: 'Tâches', exact: true }), 'the Tasks page in French');
  await visible(page.getByRole('heading', { level: 2, name: /^À venir/ }), 'a French group heading');
  const dayHeading = await page.locator('.task-group__day-heading').first().textContent();
  if (!/(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)/.test(dayHeading ?? '')) fail(`the day heading is not in French: ${dayHeading}`);
  log(`  a day heading reads "${dayHeading}"`);
  if ((await page.evaluate(() => document.documentElement.lang)) !== 'fr') fail('the page language is not fr');
  await screenshot(page, 'desktop-tasks-fr');
  await checkA11y(page, 'Tasks in French (desktop)');
  await page.reload({ waitUntil: 'domcontentloaded' });
  await visible(page.getByRole('heading', { level: 1, name: 'Tâches', exact: true }), 'French after a reload');
  await expectPath(page, '/tasks');
}

runE2e({
  scenario,
  passed: 'eight captures findable after a reload, edits, snooze, undo, history, filters, keyboard, not-available, French, axe on desktop and phone',
  contextOptions: { timezoneId: TIME_ZONE },
});
