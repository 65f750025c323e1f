// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeAccountsServer } from '../test/fakeGraphQL';
import { renderApp } from '../test/renderApp';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const GOOGLE = { provider: 'GOOGLE' as const, name: 'Google', startUrl: '/auth/oidc/google/start' };
const MICROSOFT = { provider: 'MICROSOFT' as const, name: 'Microsoft', startUrl: 'http://localhost:3000/auth/oidc/microsoft/start' };

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

async function openSettings(setUp: (server: FakeAccountsServer) => void) {
  const server = new FakeAccountsServer();
  server.cookie = 'cookie-0';
  setUp(server);
  await renderApp('/settings', server);
  await screen.findByRole('heading', { level: 1, name: 'Settings' });
  return server;
}

describe('Sign in with Google or Microsoft', () => {
  it('offers a button for each provider the server lists, going to its start URL with this browser’s zone', async () => {
    const server = new FakeAccountsServer();
    server.settings.providers = [GOOGLE, MICROSOFT];
    await renderApp('/signin', server);
    const google = await screen.findByRole('link', { name: 'Sign in with Google' });
    const zone = new URLSearchParams({ timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone }).toString();
    expect(google.getAttribute('href')).toBe(`/auth/oidc/google/start?${zone}`);
    expect(screen.getByRole('link', { name: 'Sign in with Microsoft' }).getAttribute('href')).toMatch(/^\/auth\/oidc\/microsoft\/start\?timeZone=/);
  });

  it('shows no provider button when the server offers none', async () => {
    const server = new FakeAccountsServer();
    await renderApp('/signin', server);
    await screen.findByRole('heading', { level: 1, name: 'Sign in' });
    await waitFor(() => expect(server.calls).toContain('SignInProviders'));
    expect(screen.queryByRole('link', { name: /^Sign in with/ })).toBeNull();
  });

  it('explains a refused provider sign-in and takes the code out of the address', async () => {
    await renderApp('/signin?error=oidc_account_exists', new FakeAccountsServer());
    await screen.findByRole('heading', { level: 1, name: 'Sign in' });
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toContain(
      'An account here already uses that email. Sign in with your password, then link the provider from Settings.',
    );
    expect(window.location.search).toBe('');
  });
});

describe('Linked Google and Microsoft accounts', () => {
  it('lists linked and linkable providers, unlinks one, and links another through the provider', async () => {
    const server = await openSettings((s) => {
      s.settings.providers = [GOOGLE, MICROSOFT];
      s.settings.identities = [{ id: 'i-1', provider: 'GOOGLE', email: 'ada@gmail.com', linkedAt: '2026-11-01T10:00:00Z', lastUsedAt: null }];
    });
    const list = await screen.findByRole('list', { name: 'Linked accounts' });
    expect(within(list).getAllByRole('listitem').map((li) => li.querySelector('strong')?.textContent)).toEqual(['Google', 'Microsoft']);
    expect(list.textContent).toContain('ada@gmail.com');

    fireEvent.click(within(list).getByRole('button', { name: 'Unlink Google' }));
    await waitFor(() => expect(within(list).queryByRole('button', { name: 'Unlink Google' })).toBeNull());
    expect(server.settings.callsOf('UnlinkIdentity')[0]!.variables.input).toEqual({ id: 'i-1' });

    const assignSpy = vi.fn();
    vi.spyOn(window, 'location', 'get').mockReturnValue({ ...window.location, assign: assignSpy } as Location);
    fireEvent.click(within(list).getByRole('button', { name: 'Link Microsoft' }));
    await waitFor(() => expect(assignSpy).toHaveBeenCalledWith('/auth/oidc/microsoft/start?link=one-time'));
  });

  it('says so when the browser comes back linked', async () => {
    window.history.replaceState(null, '', '/settings?linked=google');
    const server = new FakeAccountsServer();
    server.cookie = 'cookie-0';
    server.settings.providers = [GOOGLE];
    await renderApp('/settings?linked=google', server);
    const security = await screen.findByRole('region', { name: 'Security' });
    await waitFor(() =>
      expect(within(security).getAllByRole('status').some((s) => s.textContent === 'Google is linked. You can sign in with it from now on.')).toBe(true),
    );
    expect(window.location.search).toBe('');
  });
});

describe('Phone', () => {
  it('adds a number, confirms it with the texted code, and removes it after a confirmation', async () => {
    const server = await openSettings(() => undefined);
    const phone = screen.getByRole('region', { name: 'Phone' });
    fireEvent.change(await within(phone).findByLabelText('Mobile number'), { target: { value: '0770 090 0123' } });
    fireEvent.click(within(phone).getByRole('button', { name: 'Text me a code' }));
    await waitFor(() => expect(within(phone).getAllByRole('alert').map((a) => a.textContent)).toContain('!Add your country code, like +44.'));

    fireEvent.change(within(phone).getByLabelText('Mobile number'), { target: { value: '+44 7700 900123' } });
    fireEvent.click(within(phone).getByRole('button', { name: 'Text me a code' }));
    const code = await within(phone).findByLabelText('Code from the text');
    expect(within(phone).getByText('Not confirmed yet')).toBeTruthy();
    fireEvent.change(code, { target: { value: '246 810' } });
    fireEvent.click(within(phone).getByRole('button', { name: 'Confirm number' }));
    await within(phone).findByText('Confirmed');
    expect(server.settings.callsOf('VerifyPhone')[0]!.variables.input).toEqual({ code: '246810' });

    fireEvent.click(within(phone).getByRole('button', { name: 'Remove number…' }));
    fireEvent.click(within(phone).getByRole('button', { name: 'Yes, remove it' }));
    await within(phone).findByLabelText('Mobile number');
    expect(server.settings.phone).toBeNull();
  });
});

describe('Admin: text messages', () => {
  it('shows the period’s totals and the days with texts', async () => {
    const server = new FakeAccountsServer();
    server.cookie = 'cookie-0';
    server.user = { ...server.user, role: 'ADMIN' };
    server.settings.scheduler = { jobs: [], nodes: [], recentFailures: [] };
    await renderApp('/admin', server);
    const sms = await screen.findByRole('region', { name: 'Text messages' });
    await within(sms).findByText('Sent');
    expect(sms.textContent).toContain('1 (12.5 %)');
    const days = within(sms).getByRole('region', { name: 'Texts by day' });
    expect(within(days).getAllByRole('row')).toHaveLength(2);
    fireEvent.change(within(sms).getByLabelText('Period'), { target: { value: '7' } });
    await waitFor(() => expect(server.settings.callsOf('SmsAnalytics').at(-1)!.variables).toEqual({ days: 7 }));
  });
});

describe('A provider sign-in that needs a code', () => {
  it('asks for the code with the challenge the server sent back, keeping it out of the address bar', async () => {
    const server = new FakeAccountsServer();
    server.mfaCode = '654321';
    server.challenges.add('from-provider');
    await renderApp('/signin?mfaChallenge=from-provider', server);
    await screen.findByRole('heading', { level: 1, name: 'Enter your code' });
    expect(window.location.search).toBe('');
    fireEvent.change(screen.getByLabelText('Code', { exact: true }), { target: { value: '654321' } });
    fireEvent.click(screen.getByRole('button', { name: 'Verify' }));
    await screen.findByRole('heading', { level: 1, name: /Ada/ });
    expect(window.location.pathname).toBe('/today');
  });
});
