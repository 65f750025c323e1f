// @vitest-environment happy-dom
// What the query cache is for: a write made on one page shows on the others at once, from the cache, and pages that
// read the same thing share one request.
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pinClock, releaseClock } from '../test/clock';
import { FakeAccountsServer, json } from '../test/fakeGraphQL';
import type { FakeTasksServer } from '../test/fakeTasks';
import { renderApp, testQueryClient } from '../test/renderApp';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const TODAY = '2026-11-25';
const NOW = `${TODAY}T14:00:00Z`;

async function open(path: string, setUp: (tasks: FakeTasksServer) => void) {
  const server = new FakeAccountsServer();
  server.cookie = 'cookie-0';
  server.tasks.today = TODAY;
  server.tasks.timeZone = server.user.timeZone;
  setUp(server.tasks);
  await renderApp(path, server);
  return server.tasks;
}

const HEADINGS = { Today: /Good afternoon/, Tasks: 'Tasks', Week: 'Week' };

/** Follows a link of the app menu, as a person would (no page load: the cache stays), and waits for the page. */
async function goTo(page: 'Today' | 'Tasks' | 'Week') {
  fireEvent.click(within(screen.getByRole('navigation', { name: 'App menu' })).getByRole('link', { name: page }));
  await screen.findByRole('heading', { level: 1, name: HEADINGS[page] });
}

/** An answer the test gives later. */
function hold() {
  let release!: (response: Response) => void;
  const promise = new Promise<Response>((resolve) => {
    release = resolve;
  });
  return { promise, release };
}

describe('the query cache', () => {
  beforeEach(() => {
    sessionStorage.clear();
    pinClock(NOW);
  });
  afterEach(() => {
    cleanup();
    releaseClock();
  });

  it('shows a task completed on the Tasks page gone from Today at once, from the cache, with one write', async () => {
    const tasks = await open('/today', (t) => {
      t.addTask({ title: 'pay rent', dueDate: TODAY });
      t.addTask({ title: 'water plants', dueDate: TODAY });
    });
    await screen.findByRole('checkbox', { name: /pay rent/ });
    expect(tasks.callsOf('Today')).toHaveLength(1);

    await goTo('Tasks');
    fireEvent.click(await screen.findByRole('checkbox', { name: /pay rent/ }));
    await waitFor(() => expect(screen.queryByRole('checkbox', { name: /pay rent/ })).toBeNull());

    // From now on the server keeps Today's answer: what Today shows comes from the cache.
    const slow = hold();
    tasks.overrides.Today = () => slow.promise;
    await goTo('Today');
    expect(screen.getByRole('checkbox', { name: /water plants/ })).toBeTruthy();
    expect(screen.queryByRole('checkbox', { name: /pay rent/ })).toBeNull();
    expect(tasks.callsOf('CompleteTask')).toHaveLength(1);

    // The write made Today's read stale: it is asked again in the background, and its answer agrees.
    await waitFor(() => expect(tasks.callsOf('Today')).toHaveLength(2));
    await act(async () => {
      slow.release(json({ data: { today: tasks.todayData() } }));
      await slow.promise;
    });
    expect(screen.getByRole('checkbox', { name: /water plants/ })).toBeTruthy();
    expect(screen.queryByRole('checkbox', { name: /pay rent/ })).toBeNull();
  });

  it('shows a task captured on Today on the Tasks page without waiting for the list', async () => {
    const tasks = await open('/tasks', (t) => {
      t.addTask({ title: 'pay rent', dueDate: TODAY });
    });
    await screen.findByRole('checkbox', { name: /pay rent/ });
    await goTo('Today');
    await screen.findByRole('checkbox', { name: /pay rent/ });
    fireEvent.change(screen.getByLabelText('Capture a task'), { target: { value: 'call mom tomorrow' } });
    fireEvent.submit(screen.getByLabelText('Capture a task').closest('form')!);
    await screen.findByRole('checkbox', { name: /call mom/ });

    const slow = hold();
    tasks.overrides.TaskList = () => slow.promise;
    await goTo('Tasks');
    expect(await screen.findByRole('checkbox', { name: /call mom/ })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: /pay rent/ })).toBeTruthy();
    expect(tasks.callsOf('CaptureTask')).toHaveLength(1);
    // The read the write made stale is asked again in the background, and its answer agrees.
    await waitFor(() => expect(tasks.callsOf('TaskList').length).toBeGreaterThan(1));
    const asked = tasks.callsOf('TaskList').at(-1)!.variables;
    delete tasks.overrides.TaskList;
    const answer = await tasks.handle('TaskList', asked)!;
    await act(async () => {
      slow.release(answer);
      await slow.promise;
    });
    expect(screen.getByRole('checkbox', { name: /call mom/ })).toBeTruthy();
  });

  it('reads the open tasks once for the Tasks and Week pages, which show the same list', async () => {
    const tasks = await open('/tasks', (t) => {
      t.addTask({ title: 'pay rent', dueDate: TODAY });
      t.addTask({ title: 'call mom', dueDate: '2026-11-26' });
    });
    await screen.findByRole('checkbox', { name: /call mom/ });
    const reads = tasks.callsOf('TaskList').length;
    expect(reads).toBe(1);

    await goTo('Week');
    expect(screen.getByText('call mom')).toBeTruthy();
    expect(screen.getByText('pay rent')).toBeTruthy();
    expect(tasks.callsOf('TaskList')).toHaveLength(reads);
  });

  it('forgets everything it holds when the person signs out', async () => {
    const server = new FakeAccountsServer();
    server.cookie = 'cookie-0';
    server.tasks.today = TODAY;
    server.tasks.addTask({ title: 'pay rent', dueDate: TODAY });
    const queryClient = testQueryClient();
    await renderApp('/today', server, { queryClient });
    await screen.findByRole('checkbox', { name: /pay rent/ });
    expect(queryClient.getQueryCache().getAll().length).toBeGreaterThan(0);

    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    await screen.findByRole('heading', { level: 1, name: /sign in/i });
    expect(queryClient.getQueryCache().getAll().filter((q) => q.queryKey[0] === 'tasks')).toEqual([]);
  });
});
