// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { redirectFor } from './App';
import { FakeAccountsServer } from './test/fakeGraphQL';
import { renderApp } from './test/renderApp';

// Tells React this is a test environment, so that act() flushes updates.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

async function mount(path: string, server = new FakeAccountsServer()) {
  const session = await renderApp(path, server);
  return { server, session };
}

function type(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label, { exact: true }), { target: { value } });
}

describe('redirectFor', () => {
  it('sends signed-out people to sign in, and signed-in people to Today', () => {
    expect(redirectFor('/', false)).toBe('/signin');
    expect(redirectFor('/today', false)).toBe('/signin');
    expect(redirectFor('/signup', false)).toBeNull();
    expect(redirectFor('/', true)).toBe('/today');
    expect(redirectFor('/signin', true)).toBe('/today');
    expect(redirectFor('/signup/', true)).toBe('/today');
    expect(redirectFor('/today', true)).toBeNull();
  });
  it('keeps Week, Insights and a task’s Focus page for signed-in people', () => {
    expect(redirectFor('/week', false)).toBe('/signin');
    expect(redirectFor('/insights', false)).toBe('/signin');
    expect(redirectFor('/focus/VGFzazox', false)).toBe('/signin');
    expect(redirectFor('/focus/VGFzazox', true)).toBeNull();
  });
  it('keeps Settings and Admin for signed-in people', () => {
    expect(redirectFor('/settings', false)).toBe('/signin');
    expect(redirectFor('/admin', false)).toBe('/signin');
    expect(redirectFor('/settings', true)).toBeNull();
    expect(redirectFor('/admin', true)).toBeNull();
  });
});

describe('App', () => {
  beforeEach(() => {
    localStorage.clear();
    sessionStorage.clear();
  });
  afterEach(() => {
    cleanup();
  });

  it('speaks the browser’s language before sign-in (Spanish here), and English for a language it lacks', async () => {
    const languages = vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['es-MX', 'en']);
    try {
      await mount('/signin');
      expect(await screen.findByRole('heading', { level: 1, name: 'Iniciar sesión' })).toBeTruthy();
      expect(document.documentElement.lang).toBe('es');
      cleanup();
      languages.mockReturnValue(['de-DE']);
      await mount('/signin');
      expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeTruthy();
    } finally {
      languages.mockRestore();
    }
  });

  it('signs up in the browser’s language (French here): the page is French and the account is created in French', async () => {
    const languages = vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['fr-CA', 'en']);
    try {
      const { server } = await mount('/signup');
      await screen.findByRole('heading', { level: 1, name: 'Créer votre compte' });
      type('Nom affiché', 'Grace');
      type('E-mail', 'grace@example.com');
      type('Mot de passe', 'correct-horse-battery-42');
      fireEvent.click(screen.getByRole('button', { name: 'Créer le compte' }));
      await waitFor(() => expect(server.registrations).toHaveLength(1));
      expect(server.registrations[0]).toMatchObject({ email: 'grace@example.com', locale: 'fr' });
      await waitFor(() => expect(window.location.pathname).toBe('/today'));
      expect(document.documentElement.lang).toBe('fr');
    } finally {
      languages.mockRestore();
    }
  });

  it('opens on sign-in when there is no session', async () => {
    await mount('/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeTruthy();
    expect(window.location.pathname).toBe('/signin');
  });

  it('restores a session on load and shows Today with the name and the empty state', async () => {
    const server = new FakeAccountsServer();
    server.cookie = 'cookie-0';
    await mount('/', server);
    const heading = await screen.findByRole('heading', { level: 1 });
    await waitFor(() => expect(heading.textContent).toContain('Ada'));
    expect(window.location.pathname).toBe('/today');
    expect(await screen.findByText('Nothing due today')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeTruthy();
  });

  it('shows what is wrong on each field before sending anything', async () => {
    const { server } = await mount('/signin');
    await screen.findByRole('heading', { level: 1, name: 'Sign in' });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    const alerts = await screen.findAllByRole('alert');
    const texts = alerts.map((a) => a.textContent).filter(Boolean);
    expect(texts).toEqual(expect.arrayContaining(['!Enter your email address.', '!Enter your password.']));
    expect(screen.getByLabelText('Email', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Email', { exact: true })));
    expect(server.calls).not.toContain('Login');
  });

  it('shows the server’s message at the top of the form on a wrong password, keeping what was typed', async () => {
    await mount('/signin');
    await screen.findByRole('heading', { level: 1, name: 'Sign in' });
    type('Email', 'ada@example.com');
    type('Password', 'not-the-password');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() =>
      expect(screen.getAllByRole('alert').some((a) => a.textContent === 'That email and password don’t match.')).toBe(true),
    );
    expect((screen.getByLabelText('Email', { exact: true }) as HTMLInputElement).value).toBe('ada@example.com');
    expect(window.location.pathname).toBe('/signin');
  });

  it('shows a calm retry message when offline and loses nothing typed', async () => {
    const { server } = await mount('/signin');
    await screen.findByRole('heading', { level: 1, name: 'Sign in' });
    server.offline = true;
    type('Email', 'ada@example.com');
    type('Password', 'correct-horse-battery-42');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() =>
      expect(screen.getAllByRole('alert').some((a) => /couldn’t reach your assistant/.test(a.textContent ?? ''))).toBe(true),
    );
    expect((screen.getByLabelText('Email', { exact: true }) as HTMLInputElement).value).toBe('ada@example.com');
    expect((screen.getByLabelText('Password', { exact: true }) as HTMLInputElement).value).toBe('correct-horse-battery-42');

    server.offline = false;
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    const heading = await screen.findByRole('heading', { level: 1, name: /Ada/ });
    expect(heading).toBeTruthy();
  });

  it('signs in, never stores the token in web storage, then signs out', async () => {
    const { session } = await mount('/signin');
    await screen.findByRole('heading', { level: 1, name: 'Sign in' });
    type('Email', 'ada@example.com');
    type('Password', 'correct-horse-battery-42');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByRole('heading', { level: 1, name: /Ada/ });
    expect(window.location.pathname).toBe('/today');
    expect(session.getAccessToken()).toBeTruthy();
    expect(localStorage.length).toBe(0);
    expect(sessionStorage.length).toBe(0);

    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    await screen.findByRole('heading', { level: 1, name: 'Sign in' });
    expect(window.location.pathname).toBe('/signin');
    expect(session.getAccessToken()).toBeNull();
  });

  it('asks for a code after the password when two-step sign-in is on, then opens Today', async () => {
    const server = new FakeAccountsServer();
    server.mfaCode = '654321';
    await mount('/signin', server);
    await screen.findByRole('heading', { level: 1, name: 'Sign in' });
    type('Email', 'ada@example.com');
    type('Password', 'correct-horse-battery-42');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByRole('heading', { level: 1, name: 'Enter your code' });
    expect(window.location.pathname).toBe('/signin');

    type('Code', '111111');
    fireEvent.click(screen.getByRole('button', { name: 'Verify' }));
    await waitFor(() => expect(screen.getAllByRole('alert').map((a) => a.textContent)).toContain('!That code didn’t work.'));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Code', { exact: true })));

    type('Code', ' 654321 ');
    fireEvent.click(screen.getByRole('button', { name: 'Verify' }));
    await screen.findByRole('heading', { level: 1, name: /Ada/ });
    expect(window.location.pathname).toBe('/today');
    expect(server.calls.filter((c) => c === 'VerifyMfa')).toHaveLength(2);
  });

  it('goes back to the password, saying why, when the code step has expired', async () => {
    const server = new FakeAccountsServer();
    server.mfaCode = '654321';
    await mount('/signin', server);
    await screen.findByRole('heading', { level: 1, name: 'Sign in' });
    type('Email', 'ada@example.com');
    type('Password', 'correct-horse-battery-42');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByRole('heading', { level: 1, name: 'Enter your code' });
    server.challenges.clear();
    type('Code', '654321');
    fireEvent.click(screen.getByRole('button', { name: 'Verify' }));
    await screen.findByRole('heading', { level: 1, name: 'Sign in' });
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toContain(
      'This sign-in has expired. Please sign in again with your password.',
    );
    expect((screen.getByLabelText('Email', { exact: true }) as HTMLInputElement).value).toBe('ada@example.com');
  });

  it('signs up with the browser’s time zone prefilled and editable', async () => {
    const { server } = await mount('/signup');
    await screen.findByRole('heading', { level: 1, name: 'Create your account' });
    const zone = screen.getByLabelText('Time zone', { exact: true }) as HTMLInputElement;
    expect(zone.value).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    type('Display name', 'Grace');
    type('Email', 'grace@example.com');
    type('Password', 'correct-horse-battery-42');
    type('Time zone', 'America/New_York');
    server.user = { ...server.user, displayName: 'Grace', email: 'grace@example.com', timeZone: 'America/New_York', emailVerified: false };
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }));
    await screen.findByRole('heading', { level: 1, name: /Grace/ });
    expect(server.registrations.map((input) => input.locale)).toEqual(['en']);
    expect(window.location.pathname).toBe('/today');
    // Where the first task goes, and a word about the mail on its way.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Capture a task')));
    expect(screen.getByText(/open it to confirm your address/).textContent).toContain('grace@example.com');
    fireEvent.click(screen.getByRole('button', { name: 'Got it' }));
    expect(screen.queryByText(/open it to confirm your address/)).toBeNull();
  });
});
