#!/usr/bin/env node
// End-to-end check of the Integrations page against a running server whose Google endpoints are local fakes (run
// from BrowserIntegrationsTest, which sets them up): sign in, open Connected accounts from Settings, connect Google
// with calendar and mail ticked; the fake consents to the calendar only, so the page says "less than you asked" and
// lists what was allowed. The test puts an event in the fake calendar; "Sync now" brings it in (the card counts it).
// Today shows the event. Disconnect asks first ("Keep it" keeps it), then disconnects; after a reload Google is
// still not connected. The page on a phone too, connected and not. axe-core finds no serious or critical violation on
// it (before, connected, asking to disconnect, disconnected), desktop and phone, and phone targets are 44 px.
//
// Env: PA_E2E_EMAIL, PA_E2E_PASSWORD (a person the test signed up); see lib.mjs. Asks the test `calendar event` once
// connected. Exit 0 on success; 1 with a message on failure. Waits on conditions only, never on fixed sleeps.

import {
  askTest,
  BASE_URL,
  checkPage,
  expectPath,
  log,
  PHONE,
  required,
  runE2e,
  screenshot,
  signInThroughUi,
  visible,
  WAIT_MS,
} from './lib.mjs';

const person = { email: required('PA_E2E_EMAIL'), password: required('PA_E2E_PASSWORD') };

/** Opens Settings › Connected accounts from the app menu. */
async function openIntegrations(page) {
  await page.getByRole('navigation', { name: 'App menu' }).getByRole('link', { name: 'Settings', exact: true }).click();
  await page.getByRole('link', { name: /Connected accounts/ }).click();
  await visible(page.getByRole('heading', { level: 1, name: 'Connected accounts' }), 'the Integrations page');
}

async function scenario(page, browser) {
  log('signing in, then Settings › Connected accounts');
  await signInThroughUi(page, person);
  await openIntegrations(page);
  await expectPath(page, '/settings/integrations');

  const google = page.getByRole('region', { name: 'Google' });
  await visible(google.getByText('Google is not connected.'), 'Google not connected yet');
  if ((await page.getByRole('region', { name: 'Microsoft' }).count()) !== 0) {
    throw new Error('a Microsoft card is shown although this server has no Microsoft client');
  }
  await checkPage(page, 'desktop-integrations', 'Integrations (desktop)');

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
  await checkPage(page, 'desktop-connected', 'Integrations, Google connected (desktop)');

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
  await screenshot(page, 'desktop-synced');

  log('on a phone: the page with Google connected');
  const phone = await browser.newDevice(PHONE);
  await signInThroughUi(phone, person);
  await openIntegrations(phone);
  await visible(phone.getByRole('region', { name: 'Google' }).getByText('Connected', { exact: true }), 'Google connected on the phone');
  await checkPage(phone, 'phone-connected', 'Integrations, Google connected (phone)', { phone: true });

  log('Today shows the event above the tasks');
  await page.getByRole('navigation', { name: 'App menu' }).getByRole('link', { name: 'Today', exact: true }).click();
  await visible(page.getByRole('heading', { level: 2, name: 'Today', exact: true }), 'Today');
  const agenda = page.getByRole('region', { name: 'In your calendar today' });
  await visible(agenda.getByText('Review'), 'the event on Today');
  await screenshot(page, 'desktop-today');
  await openIntegrations(page);

  log('disconnect asks first; "Keep it" keeps it');
  await google.getByRole('button', { name: 'Disconnect Google' }).click();
  const confirm = google.getByRole('group', { name: 'Disconnect Google?' });
  await visible(confirm, 'the question before disconnecting');
  await checkPage(page, 'desktop-disconnect-asked', 'Integrations, disconnect asked (desktop)');
  await confirm.getByRole('button', { name: 'Keep it' }).click();
  await visible(google.getByText('Connected', { exact: true }), 'still connected after "Keep it"');
  await google.getByRole('button', { name: 'Disconnect Google' }).click();
  await confirm.getByRole('button', { name: 'Disconnect', exact: true }).click();
  await visible(page.getByRole('status').filter({ hasText: 'Google is disconnected, and its access is ended at Google too.' }), 'disconnected');
  await visible(google.getByText('Google is not connected.'), 'the card back to connect');

  log('after a reload, Google is still not connected');
  await page.reload({ waitUntil: 'domcontentloaded' });
  await visible(page.getByRole('region', { name: 'Google' }).getByText('Google is not connected.'), 'not connected after reload');
  await checkPage(page, 'desktop-disconnected', 'Integrations, disconnected (desktop)');
  if (!page.url().startsWith(BASE_URL)) throw new Error(`left the app: ${page.url()}`);

  log('on the phone: the page without Google');
  await phone.reload({ waitUntil: 'domcontentloaded' });
  await visible(phone.getByRole('region', { name: 'Google' }).getByText('Google is not connected.'), 'not connected on the phone');
  await checkPage(phone, 'phone-disconnected', 'Integrations, not connected (phone)', { phone: true });
}

runE2e({ scenario, passed: 'Google connected with a partial grant, synced an event, disconnected after a confirmation; axe on desktop and phone' });
