#!/usr/bin/env node
// End-to-end check of "Find time" against a running server whose Google endpoints are local fakes (run from
// BrowserFindTimeTest, which sets them up and made the task "Write the report", 45 minutes): sign in, connect Google
// with "Add events to my calendar", the test puts a busy event in the fake calendar over the next hour, "Sync now"
// brings it in. On the Tasks page, the task's panel finds time: the test checks the proposed slots (read from their
// <time> elements) against the busy event; choosing the first one puts the task in the calendar and the task shows
// that time.
//
// Env: PA_E2E_EMAIL, PA_E2E_PASSWORD (a person the test signed up); see lib.mjs. Asks the test `busy event` once
// connected and `slots <json>` with the slots proposed. Exit 0 on success; 1 with a message on failure. Waits on
// conditions only, never on fixed sleeps.

import { askTest, checkA11y, log, openFromMenu, required, runE2e, screenshot, signInThroughUi, visible, WAIT_MS } from './lib.mjs';

const person = { email: required('PA_E2E_EMAIL'), password: required('PA_E2E_PASSWORD') };
const TITLE = 'Write the report';

async function scenario(page) {
  log('signing in, then connecting Google with "Add events to my calendar"');
  await signInThroughUi(page, person);
  await page.getByRole('navigation', { name: 'App menu' }).getByRole('link', { name: 'Settings', exact: true }).click();
  await page.getByRole('link', { name: /Connected accounts/ }).click();
  await visible(page.getByRole('heading', { level: 1, name: 'Connected accounts' }), 'the Integrations page');
  const google = page.getByRole('region', { name: 'Google' });
  await google.getByRole('checkbox', { name: 'Add events to my calendar' }).check();
  await google.getByRole('button', { name: 'Connect Google' }).click();
  await page.waitForURL((url) => url.pathname === '/settings/integrations' && url.search === '', { timeout: WAIT_MS });
  await visible(page.getByRole('status').filter({ hasText: 'Google is connected.' }), 'the grant said');

  log('a busy event in the calendar; Sync now brings it in');
  const answer = await askTest('busy event');
  if (answer !== 'ok') throw new Error(`the test could not put the event in: ${answer}`);
  await google.getByRole('button', { name: 'Sync now' }).click();
  const synced = google.getByRole('list', { name: 'Google sync' }).getByText(/Calendar: synced .*, 1 item\./);
  const deadline = Date.now() + WAIT_MS;
  while ((await synced.count()) === 0) {
    if (Date.now() > deadline) throw new Error(`the calendar was not synced: ${await google.textContent()}`);
    await page.reload({ waitUntil: 'domcontentloaded' });
    await visible(page.getByRole('heading', { level: 1, name: 'Connected accounts' }), 'the page after reload');
    await page.getByRole('list', { name: 'Google sync' }).waitFor({ timeout: WAIT_MS });
  }

  log('Tasks › the task › Find time: slots of 45 minutes around the busy event');
  await openFromMenu(page, 'Tasks');
  await page.getByRole('button', { name: TITLE, exact: true }).click();
  const panel = page.getByRole('dialog', { name: 'Task' });
  await visible(panel, 'the task panel');
  await panel.getByRole('button', { name: 'Find time in my calendar' }).click();
  const list = panel.getByRole('list', { name: 'Free slots of 45 minutes' });
  await visible(list, 'the free slots');
  const buttons = list.getByRole('button');
  const slots = await buttons.evaluateAll((all) =>
    all.map((b) => [...b.querySelectorAll('time')].map((t) => t.getAttribute('datetime'))),
  );
  if (slots.length === 0) throw new Error('no slot proposed');
  const verdict = await askTest(`slots ${JSON.stringify(slots.map(([startsAt, endsAt]) => ({ startsAt, endsAt })))}`);
  if (verdict !== 'ok') throw new Error(`the slots are wrong: ${verdict}`);
  await screenshot(page, 'find-time', { fullPage: false });
  await checkA11y(page, 'Find time in the task panel');

  log('choosing the first slot puts the task in the calendar at that time');
  const first = buttons.first();
  const startWords = await first.locator('time').first().textContent();
  await first.click();
  await visible(page.getByRole('status').filter({ hasText: `“${TITLE}” is in your Google calendar` }), 'the scheduled message');
  const row = page.getByRole('listitem').filter({ has: page.getByRole('button', { name: TITLE, exact: true }) });
  await visible(row.getByText(startWords, { exact: false }), `the task at ${startWords}`);
  await screenshot(page, 'scheduled');

  log('after a reload the task still shows that time');
  await page.reload({ waitUntil: 'domcontentloaded' });
  const again = page.getByRole('listitem').filter({ has: page.getByRole('button', { name: TITLE, exact: true }) });
  await visible(again.getByText(startWords, { exact: false }), `the task at ${startWords} after a reload`);
}

runE2e({ scenario, passed: 'Find time proposed slots around a busy event and scheduled the task into the first one' });
