// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeAccountsServer } from '../test/fakeGraphQL';
import { renderApp } from '../test/renderApp';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

async function openSettings(setUp: (server: FakeAccountsServer) => void = () => undefined) {
  const server = new FakeAccountsServer();
  server.cookie = 'cookie-0';
  setUp(server);
  await renderApp('/settings', server);
  await screen.findByRole('heading', { level: 1, name: 'Settings' });
  return { server, settings: server.settings };
}

function section(name: string): HTMLElement {
  return screen.getByRole('region', { name });
}

function type(scope: HTMLElement, label: string, value: string) {
  fireEvent.change(within(scope).getByLabelText(label, { exact: true }), { target: { value } });
}

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});
afterEach(() => cleanup());

describe('the app menu', () => {
  it('marks the page shown and leads to Today and back', async () => {
    await openSettings();
    const menu = screen.getByRole('navigation', { name: 'App menu' });
    expect(within(menu).getByRole('link', { name: 'Settings' }).getAttribute('aria-current')).toBe('page');
    expect(within(menu).queryByRole('link', { name: 'Admin' })).toBeNull();
    fireEvent.click(within(menu).getByRole('link', { name: 'Today' }));
    await screen.findByRole('heading', { level: 2, name: 'Today' });
    expect(window.location.pathname).toBe('/today');
    fireEvent.click(within(screen.getByRole('navigation', { name: 'App menu' })).getByRole('link', { name: 'Settings' }));
    await screen.findByRole('heading', { level: 1, name: 'Settings' });
    expect(window.location.pathname).toBe('/settings');
  });

  it('sends a signed-out person from Settings to sign in', async () => {
    await renderApp('/settings', new FakeAccountsServer());
    await screen.findByRole('heading', { level: 1, name: 'Sign in' });
    expect(window.location.pathname).toBe('/signin');
  });
});

describe('Preferences', () => {
  it('shows the saved preferences and saves changes, saying so politely', async () => {
    const { settings } = await openSettings();
    const prefs = section('Preferences');
    await waitFor(() => expect((within(prefs).getByLabelText('Daily summary mail', { exact: true }) as HTMLInputElement).value).toBe('07:30'));
    expect((within(prefs).getByLabelText('From') as HTMLInputElement).value).toBe('22:00');

    type(prefs, 'Break a task into steps after it slips', '5');
    type(prefs, 'From', '21:30');
    type(prefs, 'Until', '08:00');
    type(prefs, 'Daily summary mail', '08:15');
    fireEvent.click(within(prefs).getByRole('button', { name: 'Save preferences' }));

    const status = within(prefs).getByRole('status');
    await waitFor(() => expect(status.textContent).toMatch(/^Saved/));
    expect(settings.callsOf('UpdatePreferences').map((c) => c.variables.input)).toEqual([
      { breakdownThreshold: 5, quietStart: '21:30', quietEnd: '08:00', digestTime: '08:15' },
    ]);
    expect(settings.preferences).toEqual({ breakdownThreshold: 5, quietStart: '21:30', quietEnd: '08:00', digestTime: '08:15' });
  });

  it('turns quiet hours off as an equal start and end', async () => {
    const { settings } = await openSettings();
    const prefs = section('Preferences');
    const toggle = await within(prefs).findByRole('checkbox', { name: /quiet hours/ });
    fireEvent.click(toggle);
    expect(within(prefs).queryByLabelText('From')).toBeNull();
    fireEvent.click(within(prefs).getByRole('button', { name: 'Save preferences' }));
    await waitFor(() => expect(settings.callsOf('UpdatePreferences')).toHaveLength(1));
    const input = settings.callsOf('UpdatePreferences')[0]!.variables.input as Record<string, string>;
    expect(input.quietStart).toBe(input.quietEnd);
  });

  it('explains a wrong value next to its field, focuses it, and sends nothing', async () => {
    const { settings } = await openSettings();
    const prefs = section('Preferences');
    await within(prefs).findByLabelText('Break a task into steps after it slips');
    type(prefs, 'Break a task into steps after it slips', '40');
    fireEvent.click(within(prefs).getByRole('button', { name: 'Save preferences' }));
    const field = within(prefs).getByLabelText('Break a task into steps after it slips', { exact: true });
    expect(field.getAttribute('aria-invalid')).toBe('true');
    await waitFor(() => expect(document.activeElement).toBe(field));
    expect(within(prefs).getAllByRole('alert').map((a) => a.textContent)).toContain('!Pick a whole number from 1 to 20.');
    expect(settings.callsOf('UpdatePreferences')).toHaveLength(0);
  });

  it('offers to try again when the preferences cannot be loaded', async () => {
    const { settings } = await openSettings((server) => {
      server.settings.overrides.Preferences = () => {
        throw new TypeError('Failed to fetch');
      };
    });
    const prefs = section('Preferences');
    await within(prefs).findByText(/couldn’t reach your assistant/);
    delete settings.overrides.Preferences;
    fireEvent.click(within(prefs).getByRole('button', { name: 'Try again' }));
    await within(prefs).findByLabelText('Daily summary mail');
  });
});

describe('Two-step sign-in', () => {
  it('sets up the app with the QR code and key, then shows the 10 backup codes once', async () => {
    const { settings } = await openSettings();
    const security = section('Security');
    fireEvent.click(await within(security).findByRole('button', { name: 'Set up two-step sign-in' }));
    const qr = await within(security).findByRole('img', { name: /QR code/ });
    expect(qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    expect(within(security).getByTestId('manual-entry-key').textContent).toBe('JBSW Y3DP EHPK 3PXP');
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Set up your authenticator app'));

    type(security, 'Code from the app', '000000');
    fireEvent.click(within(security).getByRole('button', { name: 'Turn on two-step sign-in' }));
    await waitFor(() => expect(within(security).getAllByRole('alert').map((a) => a.textContent)).toContain('!That code didn’t work. Enter the newest code from your app.'));

    type(security, 'Code from the app', '123 456');
    fireEvent.click(within(security).getByRole('button', { name: 'Turn on two-step sign-in' }));
    const list = await within(security).findByRole('list', { name: 'Backup codes' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(10);
    expect(list.textContent).toContain('back-up00-abcd-efgh');
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Your backup codes'));
    expect(settings.callsOf('ConfirmMfaEnrolment').at(-1)!.variables.input).toEqual({ code: '123456' });

    fireEvent.click(within(security).getByRole('button', { name: 'I’ve saved them' }));
    expect(within(security).queryByRole('list', { name: 'Backup codes' })).toBeNull();
    expect(within(security).getByText('On')).toBeTruthy();
  });

  it('makes new backup codes with the password instead of a code', async () => {
    const { settings } = await openSettings((server) => {
      server.settings.mfaEnabled = true;
    });
    const security = section('Security');
    fireEvent.click(await within(security).findByRole('button', { name: 'Make new backup codes' }));
    fireEvent.click(within(security).getByRole('radio', { name: 'my password' }));
    type(security, 'Password', 'correct-horse-battery-42');
    fireEvent.click(within(security).getByRole('button', { name: 'Make new codes' }));
    await within(security).findByRole('list', { name: 'Backup codes' });
    expect(settings.callsOf('RegenerateBackupCodes')[0]!.variables.input).toEqual({ password: 'correct-horse-battery-42' });
  });

  it('turns it off with the password and a code, saying so', async () => {
    const { settings } = await openSettings((server) => {
      server.settings.mfaEnabled = true;
    });
    const security = section('Security');
    fireEvent.click(await within(security).findByRole('button', { name: 'Turn off two-step sign-in' }));
    await waitFor(() => expect(document.activeElement).toBe(within(security).getByLabelText('Password', { exact: true })));
    type(security, 'Password', 'correct-horse-battery-42');
    type(security, 'Code', '123456');
    fireEvent.click(within(security).getByRole('button', { name: 'Turn off' }));
    await waitFor(() => expect(within(security).getAllByRole('status').some((s) => /is off/.test(s.textContent ?? ''))).toBe(true));
    expect(settings.mfaEnabled).toBe(false);
    expect(within(security).getByRole('button', { name: 'Set up two-step sign-in' })).toBeTruthy();
  });
});

describe('Security: address and password', () => {
  it('shows whether the address is confirmed and sends a new link on request', async () => {
    const { settings } = await openSettings();
    const security = section('Security');
    expect(await within(security).findByText('ada@example.com')).toBeTruthy();
    expect(within(security).getByText('Not confirmed yet')).toBeTruthy();
    fireEvent.click(within(security).getByRole('button', { name: 'Send a new confirmation link' }));
    await waitFor(() =>
      expect(within(security).getAllByRole('status').some((s) => /new confirmation link is on its way/.test(s.textContent ?? ''))).toBe(true),
    );
    expect(settings.callsOf('ResendVerification')).toHaveLength(1);
  });

  it('changes the address with the password: the link goes to the new one, and the form closes', async () => {
    const { settings } = await openSettings();
    const security = section('Security');
    const toggle = await within(security).findByRole('button', { name: 'Change email' });
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    await waitFor(() => expect(document.activeElement).toBe(within(security).getByLabelText('New email', { exact: true })));
    type(security, 'New email', 'ada@new.example');
    type(security, 'Your password', 'wrong-password');
    fireEvent.click(within(security).getByRole('button', { name: 'Send confirmation link' }));
    await waitFor(() => expect(within(security).getByLabelText('Your password', { exact: true }).getAttribute('aria-invalid')).toBe('true'));

    type(security, 'Your password', 'correct-horse-battery-42');
    fireEvent.click(within(security).getByRole('button', { name: 'Send confirmation link' }));
    await waitFor(() => expect(within(security).getAllByRole('status').some((s) => /sent a link to ada@new\.example/.test(s.textContent ?? ''))).toBe(true));
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await waitFor(() => expect(document.activeElement).toBe(toggle));
    expect(settings.callsOf('ChangeEmail').at(-1)!.variables.input).toEqual({ newEmail: 'ada@new.example', currentPassword: 'correct-horse-battery-42' });
  });

  it('changes the password, checking the new one first', async () => {
    const { settings } = await openSettings();
    const security = section('Security');
    fireEvent.click(await within(security).findByRole('button', { name: 'Change password' }));
    type(security, 'Current password', 'correct-horse-battery-42');
    type(security, 'New password', 'short');
    fireEvent.click(within(security).getByRole('button', { name: 'Save new password' }));
    await waitFor(() => expect(document.activeElement).toBe(within(security).getByLabelText('New password', { exact: true })));
    expect(settings.callsOf('ChangePassword')).toHaveLength(0);

    type(security, 'New password', 'a-brand-new-passphrase');
    fireEvent.click(within(security).getByRole('button', { name: 'Save new password' }));
    await waitFor(() => expect(within(security).getAllByRole('status').some((s) => /password is changed/.test(s.textContent ?? ''))).toBe(true));
    expect(settings.password).toBe('a-brand-new-passphrase');
  });
});

describe('Security: sessions', () => {
  it('lists the sessions, this device marked, and signs one out', async () => {
    const { settings } = await openSettings();
    const list = await screen.findByRole('list', { name: 'Sessions' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((i) => i.querySelector('.session__device')?.textContent?.trim())).toEqual([
      'Chrome on Linux This device',
      'Safari on iPhone',
      'Firefox on Windows',
    ]);
    expect(within(items[0]!).queryByRole('button')).toBeNull();

    fireEvent.click(within(list).getByRole('button', { name: 'Sign out of Safari on iPhone' }));
    await waitFor(() => expect(within(list).queryByText('Safari on iPhone')).toBeNull());
    expect(settings.callsOf('RevokeSession')[0]!.variables.input).toEqual({ id: 's-2' });
    const security = section('Security');
    expect(within(security).getAllByRole('status').some((s) => /Signed out of Safari on iPhone/.test(s.textContent ?? ''))).toBe(true);
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Where you’re signed in'));
  });

  it('signs out everywhere else at once', async () => {
    const { settings } = await openSettings();
    const security = section('Security');
    fireEvent.click(await within(security).findByRole('button', { name: 'Sign out everywhere else' }));
    await within(security).findByText('You’re signed in only here.');
    expect(within(security).getAllByRole('status').some((s) => s.textContent === 'Signed out of 2 other sessions.')).toBe(true);
    expect(settings.sessions.map((s) => s.id)).toEqual(['s-1']);
  });
});

describe('Profile', () => {
  it('changes the name, zone and language, and the app follows the new name', async () => {
    const { server, settings } = await openSettings();
    const profile = section('Profile');
    await waitFor(() => expect((within(profile).getByLabelText('Display name') as HTMLInputElement).value).toBe('Ada'));
    const language = within(profile).getByLabelText('Language') as HTMLSelectElement;
    expect([...language.options].map((o) => o.textContent)).toEqual(['English', 'Français', 'Español']);

    type(profile, 'Display name', 'Ada L.');
    type(profile, 'Time zone', 'Europe/Paris');
    fireEvent.change(language, { target: { value: 'fr' } });
    fireEvent.click(within(profile).getByRole('button', { name: 'Save profile' }));
    await waitFor(() => expect(within(profile).getByRole('status').textContent).toBe('Saved.'));
    expect(settings.callsOf('UpdateProfile')[0]!.variables.input).toEqual({ displayName: 'Ada L.', timeZone: 'Europe/Paris', locale: 'fr' });
    await waitFor(() => expect(server.calls.filter((c) => c === 'Me').length).toBeGreaterThan(0));
    // The whole app now speaks French: the menu, the page, dates.
    const menu = await screen.findByRole('navigation', { name: 'Menu de l’application' });
    expect(within(menu).getAllByRole('link').map((l) => l.textContent)).toEqual(['Aujourd’hui', 'Tâches', 'Semaine', 'Bilan', 'Réglages']);
    expect(await screen.findByRole('heading', { level: 1, name: 'Réglages' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('fr');
    fireEvent.click(within(menu).getByRole('link', { name: 'Tâches' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Tâches' })).toBeTruthy();
    expect(screen.getByLabelText('Noter une tâche')).toBeTruthy();
  });

  it('refuses an unknown time zone before sending', async () => {
    const { settings } = await openSettings();
    const profile = section('Profile');
    await within(profile).findByLabelText('Time zone');
    type(profile, 'Time zone', 'Mars/Olympus');
    fireEvent.click(within(profile).getByRole('button', { name: 'Save profile' }));
    expect(within(profile).getByLabelText('Time zone', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(settings.callsOf('UpdateProfile')).toHaveLength(0);
  });
});

describe('Your data', () => {
  it('deletes the account only with the password, then says goodbye on the sign-in page', async () => {
    const { settings } = await openSettings();
    const data = section('Your data');
    fireEvent.click(within(data).getByRole('button', { name: 'Delete my account…' }));
    expect(within(data).getByText(/can’t be undone/, { selector: 'strong' })).toBeTruthy();
    type(data, 'Your password', 'not-it');
    fireEvent.click(within(data).getByRole('button', { name: 'Delete my account for good' }));
    await waitFor(() => expect(within(data).getAllByRole('alert').map((a) => a.textContent)).toContain('!That password isn’t right.'));
    expect(settings.deleted).toBe(false);

    type(data, 'Your password', 'correct-horse-battery-42');
    fireEvent.click(within(data).getByRole('button', { name: 'Delete my account for good' }));
    await screen.findByRole('heading', { level: 1, name: 'Sign in' });
    expect(settings.deleted).toBe(true);
    expect(screen.getByText(/Your account and everything in it are deleted/)).toBeTruthy();
    expect(window.location.search).toBe('');
  });
});

describe('the app menu for admins', () => {
  it('shows Admin only to admins', async () => {
    await openSettings((server) => {
      server.user = { ...server.user, role: 'ADMIN' };
    });
    const menu = screen.getByRole('navigation', { name: 'App menu' });
    expect(within(menu).getAllByRole('link').map((l) => l.textContent)).toEqual(['Today', 'Tasks', 'Week', 'Insights', 'Settings', 'Admin']);
  });
});
