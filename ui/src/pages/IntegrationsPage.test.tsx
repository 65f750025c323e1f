// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Integration, IntegrationSync } from '../integrations/api';
import { pinClock, releaseClock } from '../test/clock';
import { FakeAccountsServer } from '../test/fakeGraphQL';
import { renderApp } from '../test/renderApp';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const GOOGLE: Integration = {
  id: 'int-g',
  provider: 'GOOGLE',
  accountEmail: 'ada@gmail.com',
  capabilities: ['CALENDAR_READ', 'MAIL_READ'],
  status: 'CONNECTED',
  connectedAt: '2026-11-20T09:00:00Z',
  statusChangedAt: '2026-11-20T09:00:00Z',
};

const GOOGLE_SYNC: IntegrationSync = {
  integrationId: 'int-g',
  provider: 'GOOGLE',
  streams: [
    { data: 'CALENDAR', state: 'ACTIVE', lastSuccessAt: '2026-12-02T08:55:00Z', lastError: null, lastErrorAt: null, items: 42, nextRunAt: '2026-12-02T09:00:00Z' },
    {
      data: 'MAIL',
      state: 'ACTIVE',
      lastSuccessAt: '2026-12-01T08:00:00Z',
      lastError: 'Google did not answer. We will try again.',
      lastErrorAt: '2026-12-02T08:56:00Z',
      items: 7,
      nextRunAt: '2026-12-02T09:01:00Z',
    },
  ],
};

async function openIntegrations(path = '/settings/integrations', setUp: (server: FakeAccountsServer) => void = () => undefined) {
  const server = new FakeAccountsServer();
  server.cookie = 'cookie-0';
  setUp(server);
  await renderApp(path, server);
  await screen.findByRole('heading', { level: 1, name: 'Connected accounts' });
  return server;
}

function card(name: string): HTMLElement {
  return screen.getByRole('region', { name });
}

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  pinClock('2026-12-02T09:00:00Z');
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  releaseClock();
});

describe('the Integrations page', () => {
  it('is reached from Settings', async () => {
    const server = new FakeAccountsServer();
    server.cookie = 'cookie-0';
    await renderApp('/settings', server);
    fireEvent.click(await screen.findByRole('link', { name: /Connected accounts/ }));
    await screen.findByRole('heading', { level: 1, name: 'Connected accounts' });
    expect(window.location.pathname).toBe('/settings/integrations');
  });

  it('connects a provider with the capabilities ticked, through a full-page navigation', async () => {
    const server = await openIntegrations();
    const microsoft = await waitFor(() => card('Microsoft'));
    expect(microsoft.textContent).toContain('Microsoft is not connected.');
    const write = within(microsoft).getByRole('checkbox', { name: 'Add events to my calendar' });
    const mail = within(microsoft).getByRole('checkbox', { name: /See who wrote/ });
    expect((within(microsoft).getByRole('checkbox', { name: 'See my calendar' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(write);
    fireEvent.click(mail);

    const assign = vi.fn();
    vi.spyOn(window, 'location', 'get').mockReturnValue({ ...window.location, assign } as Location);
    fireEvent.click(within(microsoft).getByRole('button', { name: 'Connect Microsoft' }));
    await waitFor(() => expect(assign).toHaveBeenCalledWith('https://accounts.example/consent?provider=MICROSOFT'));
    expect(server.integrations.callsOf('ConnectIntegration')[0]!.variables.input).toEqual({
      provider: 'MICROSOFT',
      capabilities: ['CALENDAR_READ', 'CALENDAR_WRITE', 'MAIL_READ'],
    });
  });

  it('asks for at least one capability and sends nothing without', async () => {
    const server = await openIntegrations();
    const google = await waitFor(() => card('Google'));
    fireEvent.click(within(google).getByRole('checkbox', { name: 'See my calendar' }));
    fireEvent.click(within(google).getByRole('button', { name: 'Connect Google' }));
    expect(within(google).getByRole('alert').textContent).toBe('Tick at least one thing the assistant may do.');
    expect(server.integrations.callsOf('ConnectIntegration')).toHaveLength(0);
  });

  it('shows what is granted and each sync in words, in the person’s zone, and syncs now', async () => {
    const server = await openIntegrations('/settings/integrations', (s) => {
      s.user = { ...s.user, timeZone: 'America/New_York' };
      s.integrations.integrations = [GOOGLE];
      s.integrations.syncs = [GOOGLE_SYNC];
    });
    const google = await waitFor(() => card('Google'));
    await within(google).findByText('Connected');
    // In New York, 08:55 UTC is 3:55 AM.
    expect(google.textContent).toContain('ada@gmail.com, connected Nov 20, 2026, 4:00 AM.');
    expect(google.textContent).toContain('Allowed: See my calendar, See who wrote and the subject of my mail (never the messages).');
    const streams = within(google).getByRole('list', { name: 'Google sync' });
    expect(within(streams).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Calendar: synced Dec 2, 2026, 3:55 AM, 42 items. Next sync Dec 2, 2026, 4:00 AM.',
      'Mail: the last try failed (Dec 2, 2026, 3:56 AM): Google did not answer. We will try again. Next sync Dec 2, 2026, 4:01 AM.',
    ]);
    // What was granted stays ticked (connecting again only adds); ticking more offers to ask for it.
    const mail = within(google).getByRole('checkbox', { name: /See who wrote/ }) as HTMLInputElement;
    expect([mail.checked, mail.disabled]).toEqual([true, true]);
    expect(within(google).queryByRole('button', { name: 'Ask Google for this' })).toBeNull();
    fireEvent.click(within(google).getByRole('checkbox', { name: 'Add events to my calendar' }));
    expect(within(google).getByRole('button', { name: 'Ask Google for this' })).toBeTruthy();

    fireEvent.click(within(google).getByRole('button', { name: 'Sync now' }));
    await waitFor(() => expect(within(google).getByRole('status').textContent).toBe('Google syncs now: this takes a few seconds.'));
    expect(server.integrations.callsOf('SyncNow')[0]!.variables.input).toEqual({ integrationId: 'int-g' });
    // The answer's sync status replaces the one shown.
    expect(within(streams).getAllByRole('listitem')[0]!.textContent).toContain('Next sync Dec 2, 2026, 4:01 AM.');

    const assign = vi.fn();
    vi.spyOn(window, 'location', 'get').mockReturnValue({ ...window.location, assign } as Location);
    fireEvent.click(within(google).getByRole('button', { name: 'Ask Google for this' }));
    await waitFor(() => expect(assign).toHaveBeenCalled());
    expect(server.integrations.callsOf('ConnectIntegration')[0]!.variables.input).toEqual({
      provider: 'GOOGLE',
      capabilities: ['CALENDAR_READ', 'CALENDAR_WRITE', 'MAIL_READ'],
    });
  });

  it('offers to reconnect an account the provider no longer accepts, with what it had', async () => {
    const server = await openIntegrations('/settings/integrations', (s) => {
      s.integrations.integrations = [{ ...GOOGLE, status: 'NEEDS_RECONNECT' }];
      s.integrations.syncs = [{ ...GOOGLE_SYNC, streams: GOOGLE_SYNC.streams.map((st) => ({ ...st, state: 'NEEDS_RECONNECT', nextRunAt: null })) }];
    });
    const google = await waitFor(() => card('Google'));
    await within(google).findByText('Needs reconnecting');
    expect(google.textContent).toContain('Google no longer accepts the access you gave');
    expect(within(google).getByRole('list', { name: 'Google sync' }).textContent).toContain('Calendar: waiting for you to reconnect.');
    expect(within(google).queryByRole('button', { name: 'Sync now' })).toBeNull();

    const assign = vi.fn();
    vi.spyOn(window, 'location', 'get').mockReturnValue({ ...window.location, assign } as Location);
    fireEvent.click(within(google).getByRole('button', { name: 'Reconnect Google' }));
    await waitFor(() => expect(assign).toHaveBeenCalled());
    expect(server.integrations.callsOf('ConnectIntegration')[0]!.variables.input).toEqual({
      provider: 'GOOGLE',
      capabilities: ['CALENDAR_READ', 'MAIL_READ'],
    });
  });

  it('disconnects only after a confirmation, and says where the access still needs ending', async () => {
    const server = await openIntegrations('/settings/integrations', (s) => {
      s.integrations.integrations = [GOOGLE, { ...GOOGLE, id: 'int-m', provider: 'MICROSOFT', accountEmail: 'ada@outlook.com' }];
    });
    const microsoft = await waitFor(() => card('Microsoft'));
    await within(microsoft).findByText('Connected');
    fireEvent.click(within(microsoft).getByRole('button', { name: 'Disconnect Microsoft' }));
    const confirm = within(microsoft).getByRole('group', { name: 'Disconnect Microsoft?' });
    fireEvent.click(within(confirm).getByRole('button', { name: 'Keep it' }));
    expect(within(microsoft).queryByRole('group', { name: 'Disconnect Microsoft?' })).toBeNull();
    expect(server.integrations.callsOf('DisconnectIntegration')).toHaveLength(0);

    fireEvent.click(within(microsoft).getByRole('button', { name: 'Disconnect Microsoft' }));
    fireEvent.click(within(within(microsoft).getByRole('group', { name: 'Disconnect Microsoft?' })).getByRole('button', { name: 'Disconnect' }));
    await waitFor(() => expect(card('Microsoft').textContent).toContain('Microsoft is not connected.'));
    expect(server.integrations.callsOf('DisconnectIntegration')[0]!.variables.input).toEqual({ id: 'int-m' });
    expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain(
      'Microsoft is disconnected here. To end the access at Microsoft as well, remove this app in your Microsoft account’s privacy settings.',
    );
    expect(card('Google').textContent).toContain('ada@gmail.com');
  });

  it.each([
    ['granted', 'Google is connected.'],
    ['partial', 'Google is connected, with less than you asked: see what is allowed below.'],
    ['denied', 'You said no at Google: nothing was connected.'],
    ['error', 'Connecting Google didn’t work. Nothing was stored; please try again.'],
  ])('says what the provider answered (%s) once, and takes it out of the address', async (result, message) => {
    await openIntegrations(`/settings/integrations?provider=google&result=${result}`);
    expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain(message);
    await waitFor(() => expect(window.location.search).toBe(''));
  });

  it('says so when the server offers no provider', async () => {
    await openIntegrations('/settings/integrations', (s) => {
      s.integrations.providers = [];
    });
    await screen.findByText('This assistant has no Google or Microsoft connection set up yet.');
  });
});
