#!/usr/bin/env node
// End-to-end check of the Integrations page against a running server whose Google endpoints are local fakes (run
// from BrowserIntegrationsTest, which sets them up): sign in, open Connected accounts from Settings, connect Google
// with calendar and mail ticked; the fake consents to the calendar only, so the page says "less than you asked" and
// lists what was allowed. The test puts an event in the fake calendar; "Sync now" brings it in (the card counts it).
// Today shows the event. Disconnect asks first ("Keep it" keeps it), then disconnects; after a reload Google is
// still not connected.
//
// Env: PA_E2E_EMAIL, PA_E2E_PASSWORD (a person the test signed up); see lib.mjs. Asks the test `calendar event` once
// connected. Exit 0 on success; 1 with a message on failure. Waits on conditions only, never on fixed sleeps.

import { askTest, BASE_URL, checkA11y, expectPath, log, required, runE2e, screenshot, signInThroughUi, visible, WAIT_MS } from './lib.mjs';

const person = { email: required('PA_E2E_EMAIL'), password: required('PA_E2E_PASSWORD') };

async function scenario(page) {
  log('signing in, then Settings › Connected accounts');
  await signInThroughUi(page, person);
  await page.getByRole('navigation', { name: 'App menu' }).getByRole('link', { name: 'Settings', exact: true }).click();
  await page.getByRole('link', { name: /Connected accounts/ }).click();
  await visible(page.getByRole('heading', { level: 1, name: 'Connected accounts' }), 'the Integrations page');
  await expectPath(page, '/settings/integrations');

  const google = page.getByRole('region', { name: 'Google' });
  await visible(google.getByText('Google is not connected.'), 'Google not connected yet');
  if ((await page.getByRole('region', { name: 'Microsoft' }).count()) !== 0) {
    throw new Error('a Microsoft card is shown although this server has no Microsoft client');
  }
  await checkA11y(page, 'the Integrations page');

  log('connecting Google with calendar and mail ticked; the provider allows the calendar only');
  await google.getByRole('checkbox', { name: /See who wrote/ }).check();
  await google.getByRole('button', { name: 'Connect Google' }).click();
  await page.waitForURL((url) => url.pathname === '/settings/integrations' && url.search === '', { timeout: WAIT_MS });
  await visible(
    page.getByRole('status').filter({ hasText: 'Google is connected, with less than you asked: see what is allowed below.' }),
    'the partial grant said',
  );
  await visible(google.getByText('Connected', { exact: true }), 'the Connected chip');
  await visible(google.getByText('Allowed: See my calendar.'), 'what was allowed');
  await screenshot(page, 'connected');

  log('an event in the calendar; Sync now brings it in');
  const answer = askTest('calendar event');
  if ((await answer) !== 'ok') throw new Error(`the test could not put the event in: ${await answer}`);
  await google.getByRole('button', { name: 'Sync now' }).click();
  await visible(google.getByRole('status').filter({ hasText: 'Google syncs now' }), 'the sync-now message');
  // The card shows the status as the mutation answered; reloading shows it once the sync has run.
  const synced = google.getByRole('list', { name: 'Google sync' }).getByText(/Calendar: synced .*, 1 item\./);
  const deadline = Date.now() + WAIT_MS;
  while ((await synced.count()) === 0) {
    if (Date.now() > deadline) throw new Error(`the calendar was not synced: ${await google.textContent()}`);
    await page.reload({ waitUntil: 'domcontentloaded' });
    await visible(page.getByRole('heading', { level: 1, name: 'Connected accounts' }), 'the page after reload');
    await page.getByRole('list', { name: 'Google sync' }).waitFor({ timeout: WAIT_MS });
  }
  await screenshot(page, 'synced');

  log('Today shows the event above the tasks');
  await page.getByRole('navigation', { name: 'App menu' }).getByRole('link', { name: 'Today', exact: true }).click();
  await visible(page.getByRole('heading', { level: 2, name: 'Today', exact: true }), 'Today');
  const agenda = page.getByRole('region', { name: 'In your calendar today' });
  await visible(agenda.getByText('Review'), 'the event on Today');
  await screenshot(page, 'today');
  await page.getByRole('navigation', { name: 'App menu' }).getByRole('link', { name: 'Settings', exact: true }).click();
  await page.getByRole('link', { name: /Connected accounts/ }).click();
  await visible(page.getByRole('heading', { level: 1, name: 'Connected accounts' }), 'the Integrations page again');

  log('disconnect asks first; "Keep it" keeps it');
  await google.getByRole('button', { name: 'Disconnect Google' }).click();
  const confirm = google.getByRole('group', { name: 'Disconnect Google?' });
  await confirm.getByRole('button', { name: 'Keep it' }).click();
  await visible(google.getByText('Connected', { exact: true }), 'still connected after "Keep it"');
  await google.getByRole('button', { name: 'Disconnect Google' }).click();
  await confirm.getByRole('button', { name: 'Disconnect', exact: true }).click();
  await visible(page.getByRole('status').filter({ hasText: 'Google is disconnected, and its access is ended at Google too.' }), 'disconnected');
  await visible(google.getByText('Google is not connected.'), 'the card back to connect');

  log('after a reload, Google is still not connected');
  await page.reload({ waitUntil: 'domcontentloaded' });
  await visible(page.getByRole('region', { name: 'Google' }).getByText('Google is not connected.'), 'not connected after reload');
  await screenshot(page, 'disconnected');
  if (!page.url().startsWith(BASE_URL)) throw new Error(`left the app: ${page.url()}`);
}

runE2e({ scenario, passed: 'Google connected with a partial grant, synced an event, disconnected after a confirmation' });
