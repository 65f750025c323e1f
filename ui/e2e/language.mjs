#!/usr/bin/env node
// End-to-end: the app in the person's language, against a running server.
//   - a person signs up in English, sets the language to Français in Settings: the menu, Today (its date in French)
//     and a userError the server refuses (a step title over the limit, in the task panel) are in French; the same
//     in Español; reloaded, the page stays in the profile's language;
//   - a browser whose language is French shows the sign-up page in French, and the account it creates is French:
//     the app after sign-up and a reload, the profile's language, and the verification mail (asked of the Java test).
//
//   PA_BASE_URL=http://localhost:8080 node ui/e2e/language.mjs   (the mail question needs the Java test)
//
// Env: as lib.mjs. Exit 0 on success; 1 with a message on failure. Waits on conditions only, never on fixed sleeps.

import {
  askTest,
  BASE_URL,
  checkA11y,
  fail,
  log,
  newPerson,
  openFromMenu,
  runE2e,
  screenshot,
  signUpThroughUi,
  visible,
  WAIT_MS,
} from './lib.mjs';

const TIME_ZONE = 'Europe/Paris';
const STEP_TITLE_LIMIT = 500;

/** What each language reads like, as the app shows it. */
const LANGUAGES = {
  fr: {
    option: 'Français',
    menu: 'Menu de l’application',
    pages: { today: 'Aujourd’hui', tasks: 'Tâches', settings: 'Réglages' },
    profile: 'Profil',
    language: 'Langue',
    saveProfile: 'Enregistrer le profil',
    capture: 'Noter une tâche',
    taskPanel: 'Tâche',
    newStep: 'Nouvelle étape',
    addStep: 'Ajouter l’étape',
    close: 'Fermer',
    tooLong: `Gardez le titre sous ${STEP_TITLE_LIMIT} caractères.`,
    date: /(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) \d{1,2} (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)/,
  },
  es: {
    option: 'Español',
    menu: 'Menú de la aplicación',
    pages: { today: 'Hoy', tasks: 'Tareas', settings: 'Ajustes' },
    profile: 'Perfil',
    language: 'Idioma',
    saveProfile: 'Guardar perfil',
    capture: 'Anotar una tarea',
    taskPanel: 'Tarea',
    newStep: 'Paso nuevo',
    addStep: 'Añadir paso',
    close: 'Cerrar',
    tooLong: `Mantenga el título por debajo de ${STEP_TITLE_LIMIT} caracteres.`,
    date: /(lunes|martes|miércoles|jueves|viernes|sábado|domingo), \d{1,2} de (enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)/,
  },
};

async function pageLanguage(page, expected) {
  await page
    .waitForFunction((lang) => document.documentElement.lang === lang, expected, { timeout: WAIT_MS })
    .catch(async () => fail(`the page language is ${await page.evaluate(() => document.documentElement.lang)}, expected ${expected}`));
}

/** From Settings (in whatever language it is shown), picks `code` as the profile's language and saves it. */
async function chooseLanguage(page, code, profileName, languageLabel, saveLabel) {
  const profile = page.getByRole('region', { name: profileName });
  await profile.getByLabel(languageLabel, { exact: true }).selectOption(code);
  await profile.getByRole('button', { name: saveLabel }).click();
  await visible(page.getByRole('heading', { level: 1, name: LANGUAGES[code].pages.settings, exact: true }), `Settings in ${code}`);
  await pageLanguage(page, code);
}

/** The menu, Today with its date, and a userError the server refused, all in `code`'s language. */
async function speaks(page, code) {
  const words = LANGUAGES[code];
  const menu = page.getByRole('navigation', { name: words.menu });
  await visible(menu, `the app menu in ${code}`);
  for (const label of Object.values(words.pages)) await visible(menu.getByRole('link', { name: label, exact: true }), `"${label}" in the menu`);

  log(`  Today in ${code}`);
  await menu.getByRole('link', { name: words.pages.today, exact: true }).click();
  await visible(page.getByRole('heading', { level: 2, name: words.pages.today, exact: true }), `Today's list heading in ${code}`);
  const date = (await page.locator('.today__date').textContent()) ?? '';
  if (!words.date.test(date)) fail(`Today's date is not written in ${code}: "${date}"`);
  log(`  Today's date reads "${date}"`);
  await visible(page.getByLabel(words.capture, { exact: true }), `the capture box in ${code}`);
  await screenshot(page, `today-${code}`);
  await checkA11y(page, `Today in ${code}`);

  log(`  a step title over ${STEP_TITLE_LIMIT} characters, refused by the server in ${code}`);
  await menu.getByRole('link', { name: words.pages.tasks, exact: true }).click();
  await visible(page.getByRole('heading', { level: 1, name: words.pages.tasks, exact: true }), `Tasks in ${code}`);
  await page.getByRole('button', { name: 'renew passport', exact: true }).click();
  const panel = page.getByRole('dialog', { name: words.taskPanel });
  await visible(panel, `the task panel in ${code}`);
  await panel.getByLabel(words.newStep, { exact: true }).fill('x'.repeat(STEP_TITLE_LIMIT + 1));
  await panel.getByRole('button', { name: words.addStep, exact: true }).click();
  await visible(panel.getByRole('alert').filter({ hasText: words.tooLong }), `the server's "title too long" in ${code}`);
  await screenshot(page, `task-panel-error-${code}`);
  await checkA11y(page, `the task panel in ${code}`);
  await panel.getByRole('button', { name: words.close, exact: true }).click();
  await panel.waitFor({ state: 'detached', timeout: WAIT_MS }).catch(() => fail(`the task panel did not close in ${code}`));

  await menu.getByRole('link', { name: words.pages.settings, exact: true }).click();
  await visible(page.getByRole('heading', { level: 1, name: words.pages.settings, exact: true }), `Settings in ${code}`);
}

async function changingTheLanguage(page) {
  const person = newPerson('e2e-language', 'Sam');
  log(`signing up ${person.email} in English`);
  await signUpThroughUi(page, person);
  await pageLanguage(page, 'en');
  const box = page.getByLabel('Capture a task', { exact: true });
  await box.fill('renew passport');
  await box.press('Enter');
  await page.waitForFunction((b) => b.value === '', await box.elementHandle(), { timeout: WAIT_MS }).catch(() => fail('the task was not saved'));

  log('choosing Français in Settings');
  await openFromMenu(page, 'Settings');
  await chooseLanguage(page, 'fr', 'Profile', 'Language', 'Save profile');
  await speaks(page, 'fr');

  log('choosing Español in Settings');
  const fr = LANGUAGES.fr;
  await chooseLanguage(page, 'es', fr.profile, fr.language, fr.saveProfile);
  await speaks(page, 'es');

  log('reloading: the profile’s language stays');
  await page.reload({ waitUntil: 'domcontentloaded' });
  await visible(page.getByRole('heading', { level: 1, name: LANGUAGES.es.pages.settings, exact: true }), 'Settings in Spanish after a reload');
  await pageLanguage(page, 'es');
}

async function signingUpInFrench(browser) {
  const person = newPerson('e2e-language-fr', 'Camille');
  log(`a browser in French: signing up ${person.email}`);
  const page = await browser.newDevice({ locale: 'fr-FR', timezoneId: TIME_ZONE });
  await page.goto(`${BASE_URL}/signup`, { waitUntil: 'domcontentloaded' });
  await visible(page.getByRole('heading', { level: 1, name: 'Créer votre compte', exact: true }), 'the sign-up page in French');
  await pageLanguage(page, 'fr');
  await screenshot(page, 'signup-fr');
  await checkA11y(page, 'sign-up in French');
  await page.getByLabel('Nom affiché', { exact: true }).fill(person.displayName);
  await page.getByLabel('E-mail', { exact: true }).fill(person.email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(person.password);
  await page.getByRole('button', { name: 'Créer le compte', exact: true }).click();
  await visible(page.getByRole('heading', { level: 1 }).filter({ hasText: person.displayName }), 'Today after sign-up');
  await visible(page.getByText(/ouvrez-le pour confirmer votre adresse/), 'the French "check your mail" welcome');

  log('the new account is French: the app after a reload, the profile, the verification mail');
  await page.reload({ waitUntil: 'domcontentloaded' });
  const menu = page.getByRole('navigation', { name: LANGUAGES.fr.menu });
  await visible(menu, 'the French menu after a reload');
  await menu.getByRole('link', { name: 'Réglages', exact: true }).click();
  const language = page.getByRole('region', { name: 'Profil' }).getByLabel('Langue', { exact: true });
  await page
    .waitForFunction((el) => el.value === 'fr', await language.elementHandle({ timeout: WAIT_MS }), { timeout: WAIT_MS })
    .catch(async () => fail(`the profile's language is "${await language.inputValue()}", expected fr`));
  const subject = await askTest(`mail-subject ${person.email} Confirmez votre adresse e-mail`);
  if (subject !== 'Confirmez votre adresse e-mail') fail(`the verification mail's subject is "${subject}"`);
  await screenshot(page, 'settings-fr-after-sign-up');
}

async function scenario(page, browser) {
  await changingTheLanguage(page);
  await signingUpInFrench(browser);
}

runE2e({ scenario, passed: 'Français and Español chosen in Settings; signed up from a French browser', contextOptions: { timezoneId: TIME_ZONE } });
