// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Integration } from '../integrations/api';
import { pinClock, releaseClock } from '../test/clock';
import { FakeAccountsServer } from '../test/fakeGraphQL';
import { renderApp } from '../test/renderApp';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const TODAY = '2026-11-25';
/** 9:00 AM on TODAY in New York, the person's zone. */
const NOW = `${TODAY}T14:00:00Z`;

const GOOGLE: Integration = {
  id: 'int-g',
  provider: 'GOOGLE',
  accountEmail: 'ada@gmail.com',
  capabilities: ['CALENDAR_READ', 'CALENDAR_WRITE'],
  status: 'CONNECTED',
  connectedAt: '2026-11-20T09:00:00Z',
  statusChangedAt: '2026-11-20T09:00:00Z',
};

/** Opens the Tasks page with one task, "file taxes", and its panel; then asks for time. */
async function findTimeFor(setUp: (server: FakeAccountsServer) => void) {
  const server = new FakeAccountsServer();
  server.cookie = 'cookie-0';
  server.user = { ...server.user, timeZone: 'America/New_York' };
  server.tasks.today = TODAY;
  server.tasks.timeZone = 'America/New_York';
  server.tasks.addTask({ title: 'file taxes' });
  server.integrations.freeSlots = [
    { startsAt: '2026-11-25T15:00:00Z', endsAt: '2026-11-25T15:30:00Z' },
    { startsAt: '2026-11-26T14:00:00Z', endsAt: '2026-11-26T14:30:00Z' },
  ];
  setUp(server);
  await renderApp('/tasks', server);
  fireEvent.click(await screen.findByRole('button', { name: 'file taxes' }));
  const panel = await screen.findByRole('dialog', { name: 'Task' });
  fireEvent.click(within(panel).getByRole('button', { name: 'Find time in my calendar' }));
  return { server, panel };
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

describe('Find time in the task panel', () => {
  it('proposes free slots in the person’s zone and writes the chosen one into the calendar that allows it', async () => {
    const { server, panel } = await findTimeFor((s) => {
      s.integrations.integrations = [{ ...GOOGLE, capabilities: ['CALENDAR_READ'] }, { ...GOOGLE, id: 'int-m', provider: 'MICROSOFT' }];
    });
    const slots = await within(panel).findByRole('list', { name: 'Free slots of 30 minutes' });
    expect(within(slots).getAllByRole('button').map((b) => b.textContent)).toEqual([
      'today, 10:00 AM – 10:30 AM',
      'tomorrow, 9:00 AM – 9:30 AM',
    ]);
    expect(server.integrations.callsOf('FindTimeFor')[0]!.variables.input).toEqual({ taskId: server.tasks.tasks[0]!.id });

    fireEvent.click(within(slots).getByRole('button', { name: 'tomorrow, 9:00 AM – 9:30 AM' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    // Only the connected calendar that allows adding events is written to.
    expect(server.integrations.callsOf('ScheduleTask')[0]!.variables.input).toEqual({
      taskId: server.tasks.tasks[0]!.id,
      slot: '2026-11-26T14:00:00Z',
      integrationId: 'int-m',
    });
    await waitFor(() =>
      expect(screen.getAllByRole('status').map((s) => s.textContent).join(' ')).toContain(
        '“file taxes” is in your Microsoft calendar, tomorrow, 9:00 AM – 9:30 AM.',
      ),
    );
  });

  it('lets the person pick the calendar when several can take the task', async () => {
    const { server, panel } = await findTimeFor((s) => {
      s.integrations.integrations = [GOOGLE, { ...GOOGLE, id: 'int-m', provider: 'MICROSOFT' }];
    });
    const calendar = await within(panel).findByLabelText('Calendar to add it to');
    fireEvent.change(calendar, { target: { value: 'int-m' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'today, 10:00 AM – 10:30 AM' }));
    await waitFor(() => expect(server.integrations.callsOf('ScheduleTask')).toHaveLength(1));
    expect(server.integrations.callsOf('ScheduleTask')[0]!.variables.input).toMatchObject({ integrationId: 'int-m' });
  });

  it('says how to connect a calendar that takes events when none does, and offers no slot to choose', async () => {
    const { server, panel } = await findTimeFor((s) => {
      s.integrations.integrations = [{ ...GOOGLE, capabilities: ['CALENDAR_READ'] }];
    });
    await within(panel).findByText(/connect Google or Microsoft with “Add events to my calendar”/);
    expect(within(panel).getByRole('link', { name: 'Connected accounts' }).getAttribute('href')).toBe('/settings/integrations');
    const slots = within(panel).getByRole('list', { name: 'Free slots of 30 minutes' });
    expect(within(slots).queryAllByRole('button')).toHaveLength(0);
    expect(slots.textContent).toContain('today, 10:00 AM – 10:30 AM');
    expect(server.integrations.callsOf('ScheduleTask')).toHaveLength(0);
  });

  it('says when nothing fits', async () => {
    const { panel } = await findTimeFor((s) => {
      s.integrations.integrations = [GOOGLE];
      s.integrations.freeSlots = [];
    });
    await within(panel).findByText('No free 30 minutes in your working hours in the next days.');
  });
});
