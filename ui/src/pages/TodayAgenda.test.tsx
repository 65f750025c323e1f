// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pinClock, releaseClock } from '../test/clock';
import { FakeAccountsServer } from '../test/fakeGraphQL';
import { renderApp } from '../test/renderApp';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** 03:00 UTC on Dec 2 is still Dec 1 (10 PM) in New York, the person's zone. */
const NOW = '2026-12-02T03:00:00Z';

async function openToday(setUp: (server: FakeAccountsServer) => void) {
  const server = new FakeAccountsServer();
  server.cookie = 'cookie-0';
  server.user = { ...server.user, timeZone: 'America/New_York' };
  server.tasks.today = '2026-12-01';
  setUp(server);
  await renderApp('/today', server);
  await screen.findByRole('heading', { level: 2, name: 'Today' });
  return server;
}

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  pinClock(NOW);
});
afterEach(() => {
  cleanup();
  releaseClock();
});

describe('the agenda on Today', () => {
  it('asks for the person’s day and lists its events at their local times, above the tasks', async () => {
    const server = await openToday((s) => {
      s.activity.events = [
        { title: 'Offsite', date: '2026-12-01', allDay: true, startsAt: null },
        { title: 'Dentist', date: '2026-12-01', allDay: false, startsAt: '2026-12-01T14:00:00Z', endsAt: '2026-12-01T14:30:00Z', location: 'Main St' },
      ];
    });
    const agenda = await screen.findByRole('region', { name: 'In your calendar today' });
    expect(server.activity.agendaAsked).toContainEqual({ from: '2026-12-01', to: '2026-12-01' });
    expect(within(agenda).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'All day Offsite',
      '9:00 AM – 9:30 AM Dentist · Main St',
    ]);
    // Above the tasks' heading.
    const tasksHeading = screen.getByRole('heading', { level: 2, name: 'Today' });
    expect(agenda.compareDocumentPosition(tasksHeading) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('shows nothing without events', async () => {
    const server = await openToday(() => undefined);
    await waitFor(() => expect(server.activity.agendaAsked.length).toBeGreaterThan(0));
    expect(screen.queryByRole('region', { name: 'In your calendar today' })).toBeNull();
  });
});
