#!/usr/bin/env node
// End-to-end check of the Admin page against a running server: an admin (made by the Java test) signs in, finds Admin
// in the app menu, searches for a person, makes them Premium, finds the role kept after a reload and the change in
// the audit log. A plain person sees no Admin in the menu. The Admin page (people found, the audit log) on a phone too:
// axe-core finds no serious or critical violation on it, desktop and phone, and phone targets are 44 px; a
// screenshot of each.
//
// Run by app.tdah.web.BrowserAdminTest, which sets PA_E2E_ADMIN_EMAIL, PA_E2E_PERSON_EMAIL and PA_E2E_PASSWORD (and
// then checks the role in the database). Exit 0 on success; 1 with a message on failure.

import {
  BASE_URL,
  checkPage,
  fail,
  log,
  openFromMenu,
  PHONE,
  required,
  runE2e,
  signInThroughUi,
  visible,
  WAIT_MS,
} from './lib.mjs';

const password = required('PA_E2E_PASSWORD');
const admin = { email: required('PA_E2E_ADMIN_EMAIL'), password };
const person = { email: required('PA_E2E_PERSON_EMAIL'), password };

/** Searches People for `email` and waits until it is the only one listed; returns that list item. */
async function find(page, email) {
  const people = page.getByRole('region', { name: 'People' });
  await people.getByLabel('Email or name', { exact: true }).fill(email);
  await people.getByRole('button', { name: 'Search' }).click();
  const list = people.getByRole('list', { name: 'People found' });
  await page
    .waitForFunction(
      ([el, wanted]) => el.querySelectorAll(':scope > li').length === 1 && el.textContent.includes(wanted),
      [await list.elementHandle({ timeout: WAIT_MS }), email],
      { timeout: WAIT_MS },
    )
    .catch(() => fail(`searching "${email}" did not list that one person`));
  return list.getByRole('listitem');
}

async function scenario(page, browser) {
  log('a plain person has no Admin in the menu');
  await signInThroughUi(page, person);
  const menu = page.getByRole('navigation', { name: 'App menu' });
  await visible(menu.getByRole('link', { name: 'Settings', exact: true }), 'the app menu');
  if ((await menu.getByRole('link', { name: 'Admin', exact: true }).count()) !== 0) fail('a plain person sees Admin in the menu');

  log('the admin signs in on another browser and opens Admin from the menu');
  const desk = await browser.newDevice();
  await signInThroughUi(desk, admin);
  await openFromMenu(desk, 'Admin');
  await checkPage(desk, 'desktop-admin', 'Admin (desktop)');

  log(`making ${person.email} Premium`);
  let item = await find(desk, person.email);
  const role = item.getByRole('combobox', { name: /^Role for / });
  if ((await role.inputValue()) !== 'USER') fail(`the person's role shows ${await role.inputValue()}, expected USER`);
  await role.selectOption('PREMIUM');
  await item.getByRole('button', { name: 'Make Premium' }).click();
  const people = desk.getByRole('region', { name: 'People' });
  await visible(people.getByRole('status').filter({ hasText: 'is now Premium' }), 'the "is now Premium" message');
  await checkPage(desk, 'desktop-role-changed', 'Admin, a role changed (desktop)');

  log('after a reload the role is kept, and the audit log shows the change');
  await desk.goto(`${BASE_URL}/admin`, { waitUntil: 'domcontentloaded' });
  await visible(desk.getByRole('heading', { level: 1, name: 'Admin' }), 'Admin after reload');
  item = await find(desk, person.email);
  const kept = await item.getByRole('combobox', { name: /^Role for / }).inputValue();
  if (kept !== 'PREMIUM') fail(`after a reload the role shows ${kept}, expected PREMIUM`);
  await item.getByRole('button', { name: 'Audit log' }).click();
  const events = desk.getByRole('region', { name: 'Audit events' });
  await visible(events.getByRole('row').filter({ hasText: 'Role changed' }), 'the role change in the audit log');
  await checkPage(desk, 'desktop-audit-log', 'Admin, the audit log (desktop)');

  log('the admin on a phone: Admin, a person found, their audit log, light and dark');
  const phone = await browser.newDevice(PHONE);
  await signInThroughUi(phone, admin);
  await openFromMenu(phone, 'Admin');
  await checkPage(phone, 'phone-admin', 'Admin (phone)', { phone: true });
  item = await find(phone, person.email);
  await item.getByRole('button', { name: 'Audit log' }).click();
  await visible(phone.getByRole('region', { name: 'Audit events' }).getByRole('row').filter({ hasText: 'Role changed' }), 'the audit log on the phone');
  await checkPage(phone, 'phone-audit-log', 'Admin, the audit log (phone)', { phone: true });
  await phone.emulateMedia({ colorScheme: 'dark' });
  await checkPage(phone, 'phone-audit-log-dark', 'Admin, the audit log, dark (phone)', { phone: true });
}

runE2e({ scenario, passed: 'admin: Admin in the menu for admins only, a role changed and kept, the change in the audit log; axe on desktop and phone' });
