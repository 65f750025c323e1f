// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { pinClock, releaseClock } from '../test/clock';
import { FakeAccountsServer } from '../test/fakeGraphQL';
import { renderApp } from '../test/renderApp';
import { step } from '../test/tasks';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const NOW = '2026-11-25T14:00:00Z';

function server(): FakeAccountsServer {
  const s = new FakeAccountsServer();
  s.cookie = 'cookie-0';
  s.tasks.today = '2026-11-25';
  return s;
}

/** Moves the pinned clock on; the page's timer sees it at its next tick. */
function advance(ms: number) {
  vi.setSystemTime(new Date(Date.now() + ms));
}

describe('Focus page', () => {
  // The page is a lazy chunk: load it once up front, so that no test's time goes on compiling it (recharts is large).
  beforeAll(() => import('./FocusPage'), 60_000);
  beforeEach(() => pinClock(NOW));
  afterEach(() => {
    cleanup();
    releaseClock();
  });

  it('runs the chosen length with the current step large, checks in at the end and records the session', async () => {
    const s = server();
    const task = s.tasks.addTask({ title: 'write report', dueDate: '2026-11-25' });
    task.subtasks = [step({ title: 'open the draft', status: 'DONE' }), step({ title: 'write the intro' })];
    await renderApp(`/focus/${task.id}`, s);
    await screen.findByText('write report');
    expect(screen.getByText('write the intro').className).toBe('focus__step');

    const length = screen.getByLabelText('How long');
    fireEvent.change(length, { target: { value: '10' } });
    expect(length.getAttribute('aria-valuetext')).toBe('10 minutes');
    fireEvent.click(screen.getByRole('button', { name: 'Start' }));
    expect(screen.getByRole('timer', { name: 'Time left' }).textContent).toBe('10:00');

    advance(4 * 60_000);
    await waitFor(() => expect(screen.getByRole('timer').textContent).toBe('6:00'), { timeout: 3000 });
    expect(s.activity.focusSessions).toEqual([]);

    advance(6 * 60_000);
    const checkin = await screen.findByRole('heading', { name: '10 minutes of focus. How did it go?' }, { timeout: 3000 });
    await waitFor(() => expect(document.activeElement).toBe(checkin));
    await screen.findByText('Counted in your insights: 10 minutes.');
    expect(s.activity.focusSessions).toEqual([{ taskId: task.id, minutes: 10 }]);
    expect(screen.getByRole('button', { name: 'Another round' })).toBeTruthy();
    // The task already has steps: no offer to break it down again.
    expect(screen.queryByRole('button', { name: 'Break it into steps' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Done! Mark the task done' }));
    await screen.findByRole('heading', { level: 1, name: 'Tasks' });
    expect(s.tasks.tasks.find((t) => t.id === task.id)!.status).toBe('DONE');
  });

  it('records nothing when stopped early; a step ticked during the round shows the next one', async () => {
    const s = server();
    const task = s.tasks.addTask({ title: 'tidy desk' });
    task.subtasks = [step({ title: 'clear papers' }), step({ title: 'wipe it' })];
    await renderApp(`/focus/${task.id}`, s);
    fireEvent.click(await screen.findByRole('button', { name: 'Start' }));
    expect(screen.getByRole('timer').textContent).toBe('25:00');
    fireEvent.click(screen.getByRole('button', { name: 'Step done' }));
    await screen.findByText('wipe it');
    fireEvent.click(screen.getByRole('button', { name: 'Stop the timer' }));
    expect(screen.getByRole('button', { name: 'Start' })).toBeTruthy();
    expect(screen.queryByRole('timer')).toBeNull();
    expect(s.calls.filter((c) => c === 'RecordFocusSession')).toEqual([]);
  });

  it('opens from the Tasks page; offers to break a task without steps into steps at the check-in, and shows the first one after', async () => {
    const s = server();
    s.tasks.addTask({ title: 'do taxes' });
    await renderApp('/tasks', s);
    fireEvent.click(await screen.findByRole('link', { name: 'Focus on “do taxes”' }));
    await screen.findByRole('heading', { level: 1, name: 'Focus' });
    fireEvent.change(await screen.findByLabelText('How long'), { target: { value: '5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Start' }));
    advance(5 * 60_000);
    fireEvent.click(await screen.findByRole('button', { name: 'Break it into steps' }, { timeout: 3000 }));
    await screen.findByText('Find what you need');
    expect(screen.getByRole('button', { name: 'Start' })).toBeTruthy();
  });

  it('says so when the task is not there', async () => {
    await renderApp('/focus/nope', server());
    await screen.findByText('That task isn’t there any more.');
  });
});
