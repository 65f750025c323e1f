// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeAccountsServer } from '../test/fakeGraphQL';
import { renderApp } from '../test/renderApp';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

async function openSettings(locale = 'en') {
  const server = new FakeAccountsServer();
  server.cookie = 'cookie-0';
  server.user = { ...server.user, locale };
  await renderApp('/settings', server);
  await screen.findByRole('heading', { level: 1, name: locale === 'en' ? 'Settings' : locale === 'fr' ? 'Réglages' : 'Ajustes' });
  return { server, settings: server.settings };
}

function type(scope: HTMLElement, label: string, value: string) {
  fireEvent.change(within(scope).getByLabelText(label, { exact: true }), { target: { value } });
}

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});
afterEach(() => cleanup());

describe('Working hours and nudges', () => {
  it('shows the working hours and saves new ones with a leave-now nudge', async () => {
    const { settings } = await openSettings();
    const section = screen.getByRole('region', { name: 'Working hours and nudges' });
    await waitFor(() => expect((within(section).getByLabelText('Work starts') as HTMLInputElement).value).toBe('09:00'));
    expect((within(section).getByLabelText('Work ends') as HTMLInputElement).value).toBe('18:00');
    const days = within(section).getAllByRole('checkbox', { name: /day$/ }) as HTMLInputElement[];
    expect(days.map((d) => d.checked)).toEqual([true, true, true, true, true, false, false]);
    const nudge = within(section).getByRole('checkbox', { name: /when to leave/ }) as HTMLInputElement;
    expect(nudge.checked).toBe(false);
    expect(within(section).queryByLabelText('Minutes before the event')).toBeNull();
    expect(screen.getByRole('navigation', { name: 'Settings sections' }).textContent).toContain('Working hours and nudges');

    type(section, 'Work starts', '08:30');
    type(section, 'Work ends', '16:00');
    fireEvent.click(within(section).getByRole('checkbox', { name: 'Friday' }));
    fireEvent.click(within(section).getByRole('checkbox', { name: 'Saturday' }));
    fireEvent.click(nudge);
    type(section, 'Minutes before the event', '20');
    fireEvent.click(within(section).getByRole('button', { name: 'Save working hours' }));

    await waitFor(() => expect(within(section).getByRole('status').textContent).toMatch(/^Saved/));
    expect(settings.callsOf('UpdateSchedulingPreferences').map((c) => c.variables.input)).toEqual([
      { workStart: '08:30', workEnd: '16:00', workDays: [1, 2, 3, 4, 6], leaveNowMinutes: 20 },
    ]);
    expect(settings.scheduling).toEqual({ workStart: '08:30', workEnd: '16:00', workDays: [1, 2, 3, 4, 6], leaveNowMinutes: 20 });

    fireEvent.click(within(section).getByRole('checkbox', { name: /when to leave/ }));
    fireEvent.click(within(section).getByRole('button', { name: 'Save working hours' }));
    await waitFor(() => expect(settings.callsOf('UpdateSchedulingPreferences')).toHaveLength(2));
    expect(settings.callsOf('UpdateSchedulingPreferences')[1]!.variables.input).toMatchObject({ leaveNowMinutes: null });
  });

  it('says what is wrong before sending: an end before the start, no working day, a nudge out of bounds', async () => {
    const { settings } = await openSettings();
    const section = screen.getByRole('region', { name: 'Working hours and nudges' });
    await within(section).findByLabelText('Work starts');
    type(section, 'Work ends', '08:00');
    for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']) {
      fireEvent.click(within(section).getByRole('checkbox', { name: day }));
    }
    fireEvent.click(within(section).getByRole('checkbox', { name: /when to leave/ }));
    type(section, 'Minutes before the event', '2');
    fireEvent.click(within(section).getByRole('button', { name: 'Save working hours' }));

    expect(within(section).getByLabelText('Work ends', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(within(section).getByText('Pick an end after the start.')).toBeTruthy();
    expect(within(section).getByText('Pick at least one working day.')).toBeTruthy();
    expect(within(section).getByText('Pick a whole number of minutes from 5 to 240.')).toBeTruthy();
    expect(document.activeElement).toBe(within(section).getByLabelText('Work ends', { exact: true }));
    expect(settings.callsOf('UpdateSchedulingPreferences')).toHaveLength(0);
  });

  it('speaks French and Spanish', async () => {
    await openSettings('fr');
    const fr = screen.getByRole('region', { name: 'Heures de travail et rappels' });
    await within(fr).findByLabelText('Début de journée');
    expect(within(fr).getByRole('button', { name: 'Enregistrer les heures de travail' })).toBeTruthy();
    expect(within(fr).getByRole('checkbox', { name: 'lundi' })).toBeTruthy();
    cleanup();
    await openSettings('es');
    const es = screen.getByRole('region', { name: 'Horario de trabajo y avisos' });
    await within(es).findByLabelText('Empiezas a trabajar');
    expect(within(es).getByRole('button', { name: 'Guardar horario de trabajo' })).toBeTruthy();
  });
});
