// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { pinClock, releaseClock } from '../test/clock';
import { FakeAccountsServer } from '../test/fakeGraphQL';
import type { FakeTasksServer } from '../test/fakeTasks';
import { renderApp } from '../test/renderApp';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const TODAY = '2026-11-25'; // a Wednesday
const NOW = `${TODAY}T14:00:00Z`;

async function openWeek(setUp: (tasks: FakeTasksServer) => void) {
  const server = new FakeAccountsServer();
  server.cookie = 'cookie-0';
  server.tasks.today = TODAY;
  server.tasks.timeZone = server.user.timeZone;
  setUp(server.tasks);
  await renderApp('/week', server);
  await screen.findByRole('heading', { level: 1, name: 'Week' });
  return server;
}

/** The day's column, by the day's heading. */
async function column(name: RegExp | string): Promise<HTMLElement> {
  return (await screen.findByRole('heading', { level: 2, name })).closest('section')!;
}

function titles(section: HTMLElement): string[] {
  return [...section.querySelectorAll('.week-task__title')].map((p) => p.textContent ?? '');
}

/** A DataTransfer as the browser hands it from dragstart to drop. */
function dataTransfer() {
  const store = new Map<string, string>();
  return {
    get types() {
      return [...store.keys()];
    },
    setData: (type: string, value: string) => store.set(type, value),
    getData: (type: string) => store.get(type) ?? '',
    dropEffect: 'none',
    effectAllowed: 'all',
  };
}

describe('Week page', () => {
  // The page is a lazy chunk: load it once up front, so that no test's time goes on compiling it (recharts is large).
  beforeAll(() => import('./WeekPage'), 60_000);
  beforeEach(() => {
    sessionStorage.clear();
    pinClock(NOW);
  });
  afterEach(() => {
    cleanup();
    releaseClock();
  });

  it('shows the next 7 days, each with its tasks, and what is still to plan apart', async () => {
    await openWeek((t) => {
      t.addTask({ title: 'pay rent', dueDate: TODAY });
      t.addTask({ title: 'call mom', dueDate: '2026-11-26' });
      t.addTask({ title: 'plan trip', dueDate: '2026-12-01' });
      t.addTask({ title: 'far away', dueDate: '2026-12-02' });
      t.addTask({ title: 'send the form', dueDate: '2026-11-20' });
      t.addTask({ title: 'buy milk' });
    });
    expect(titles(await column(/^Today/))).toEqual(['pay rent']);
    expect(titles(await column(/^Thursday, November 26/))).toEqual(['call mom']);
    expect(titles(await column(/^Tuesday, December 1/))).toEqual(['plan trip']);
    expect(screen.getAllByRole('heading', { level: 2 })).toHaveLength(8);
    expect(document.body.textContent).not.toContain('far away');
    expect(titles(await column(/^To plan/))).toEqual(['send the form', 'buy milk']);
    expect((await column(/^Friday, November 27/)).textContent).toContain('Nothing planned.');
  });

  it('shows the connected calendars’ events on their days, above the tasks', async () => {
    const server = new FakeAccountsServer();
    server.cookie = 'cookie-0';
    server.tasks.today = TODAY;
    server.tasks.addTask({ title: 'call mom', dueDate: '2026-11-26' });
    server.activity.events = [
      { title: 'Dentist', date: '2026-11-26', allDay: false, startsAt: '2026-11-26T09:30:00Z' },
      { title: 'Holiday', date: '2026-11-28', allDay: true, startsAt: null },
    ];
    await renderApp('/week', server);
    const thursday = await column(/^Thursday, November 26/);
    await waitFor(() => expect(within(thursday).getByRole('list', { name: 'Calendar events' }).textContent).toBe('9:30 AM Dentist'));
    expect(titles(thursday)).toEqual(['call mom']);
    expect(within(await column(/^Saturday, November 28/)).getByRole('list', { name: 'Calendar events' }).textContent).toBe('Holiday');
    expect(server.calls).toContain('Agenda');
  });

  it('moves a dragged task to the day it is dropped on, keeping a timed task’s time', async () => {
    const server = await openWeek((t) => {
      t.addTask({ title: 'call mom', dueDate: '2026-11-26' });
      // 9:30 in London (the fake profile's zone) on Thursday.
      t.addTask({ title: 'dentist', dueDate: '2026-11-26', dueAt: '2026-11-26T09:30:00Z', allDay: false });
    });
    const thursday = await column(/^Thursday, November 26/);
    const saturday = await column(/^Saturday, November 28/);

    const drag = dataTransfer();
    fireEvent.dragStart(within(thursday).getByText('call mom').closest('li')!, { dataTransfer: drag });
    fireEvent.dragOver(saturday, { dataTransfer: drag });
    fireEvent.drop(saturday, { dataTransfer: drag });
    await waitFor(() => expect(titles(saturday)).toEqual(['call mom']));
    expect(server.tasks.callsOf('UpdateTask').at(-1)!.variables.input).toEqual({ id: 'task-1', dueDate: '2026-11-28' });
    expect(screen.getByRole('status').textContent).toContain('“call mom” moved to Saturday.');

    const drag2 = dataTransfer();
    fireEvent.dragStart(within(thursday).getByText('dentist').closest('li')!, { dataTransfer: drag2 });
    const today = await column(/^Today/);
    fireEvent.drop(today, { dataTransfer: drag2 });
    await waitFor(() => expect(titles(today)).toEqual(['dentist']));
    expect(server.tasks.callsOf('UpdateTask').at(-1)!.variables.input).toEqual({ id: 'task-2', dueAt: '2026-11-25T09:30:00.000Z' });
  });

  it('moves a task a day at a time with its buttons, and plans an undated one for today, without a mouse', async () => {
    const server = await openWeek((t) => {
      t.addTask({ title: 'call mom', dueDate: TODAY });
      t.addTask({ title: 'buy milk' });
    });
    const today = await column(/^Today/);
    expect(within(today).queryByRole('button', { name: 'Move “call mom” to the day before' })).toBeNull();
    fireEvent.click(within(today).getByRole('button', { name: 'Move “call mom” to the next day' }));
    await waitFor(() => expect(titles(within(document.body).getByRole('heading', { name: /^Thursday/ }).closest('section')!)).toEqual(['call mom']));
    fireEvent.click(screen.getByRole('button', { name: 'Move “call mom” to the day before' }));
    await waitFor(() => expect(titles(today)).toEqual(['call mom']));

    fireEvent.click(screen.getByRole('button', { name: 'Plan “buy milk” for today' }));
    await waitFor(() => expect(titles(today).sort()).toEqual(['buy milk', 'call mom']));
    expect(server.tasks.callsOf('UpdateTask').map((c) => c.variables.input)).toEqual([
      { id: 'task-1', dueDate: '2026-11-26' },
      { id: 'task-1', dueDate: TODAY },
      { id: 'task-2', dueDate: TODAY },
    ]);
    expect(screen.queryByRole('heading', { name: /^To plan/ })).toBeNull();
  });
});
