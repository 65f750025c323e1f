// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pinClock, releaseClock } from '../test/clock';
import { FakeAccountsServer, json } from '../test/fakeGraphQL';
import { chooseFromMenu } from '../test/menus';
import type { FakeTasksServer } from '../test/fakeTasks';
import { renderApp } from '../test/renderApp';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const TODAY = '2026-11-25';
/** Mid-afternoon of TODAY in the fake profile's zone (Europe/London), whatever the machine's clock and zone. */
const NOW = `${TODAY}T14:00:00Z`;

/** Signs Ada in (a restored session) and opens Today on the fake server's day. */
async function openToday(setUp: (tasks: FakeTasksServer) => void = () => undefined) {
  const server = new FakeAccountsServer();
  server.cookie = 'cookie-0';
  server.tasks.today = TODAY;
  setUp(server.tasks);
  await renderApp('/today', server);
  await screen.findByRole('heading', { level: 2, name: 'Today' });
  await waitFor(() => expect(server.tasks.callsOf('Today').length).toBeGreaterThan(0));
  return { server, tasks: server.tasks };
}

function captureBox(): HTMLInputElement {
  return screen.getByLabelText('Capture a task') as HTMLInputElement;
}

function type(text: string) {
  fireEvent.change(captureBox(), { target: { value: text } });
}

function pressEnter() {
  // Enter in a form's only text field submits it.
  fireEvent.submit(captureBox().form!);
}

function preview(): HTMLElement {
  return screen.getByTestId('capture-preview');
}

function alertText(): string {
  return screen
    .getAllByRole('alert')
    .map((a) => a.textContent ?? '')
    .join(' ')
    .trim();
}

function statusText(): string {
  return screen.getByRole('status').textContent ?? '';
}

/** A promise whose answer the test gives later. */
function hold() {
  let release!: (response: Response) => void;
  const promise = new Promise<Response>((resolve) => {
    release = resolve;
  });
  return { promise, release };
}

describe('Today page', () => {
  beforeEach(() => {
    sessionStorage.clear();
    pinClock(NOW);
  });
  afterEach(() => {
    cleanup();
    releaseClock();
  });

  describe('the list', () => {
    it('is calm when nothing is due', async () => {
      await openToday();
      expect(await screen.findByText('Nothing due today')).toBeTruthy();
      expect(screen.getByText(/Capture anything on your mind above/)).toBeTruthy();
    });

    it('shows today’s tasks with their time, priority and tags, and earlier ones in their own gentle section', async () => {
      await openToday((tasks) => {
        tasks.addTask({ title: 'pay rent', dueDate: TODAY, priority: 'HIGH', tags: ['home'] });
        tasks.addTask({ title: 'standup', dueDate: TODAY, dueAt: `${TODAY}T09:30:00Z`, allDay: false });
        tasks.addTask({ title: 'send the form', dueDate: '2026-11-22' });
      });
      const rent = await screen.findByRole('checkbox', { name: 'pay rent' });
      const rentItem = rent.closest('li')!;
      expect(rentItem.textContent).toContain('High priority');
      expect(rentItem.textContent).toContain('#home');
      const standup = screen.getByRole('checkbox', { name: 'standup' }).closest('li')!;
      expect(standup.textContent).toMatch(/9:30/);

      const earlier = screen.getByRole('heading', { level: 2, name: 'From earlier — pick one to restart' }).closest('section')!;
      expect(within(earlier).getByRole('checkbox', { name: 'send the form' })).toBeTruthy();
      expect(within(earlier).getByRole('button', { name: 'Break into steps' })).toBeTruthy();
      expect(within(earlier).getByRole('button', { name: /^Snooze/ })).toBeTruthy();
      expect(document.body.textContent).not.toMatch(/\b(late|failed|overdue)\b/i);
    });
  });

  describe('capture preview', () => {
    it('shows how the text will be read, once typing pauses', async () => {
      const { tasks } = await openToday();
      type('pay rent today !high #home');
      await waitFor(() => expect(preview().textContent).toContain('pay rent'));
      const text = preview().textContent!;
      expect(text).toContain('today');
      expect(text).toContain('High priority');
      expect(text).toContain('#home');
      expect(preview().getAttribute('aria-live')).toBe('polite');
      expect(tasks.callsOf('ParseCapture').map((c) => c.variables.text)).toEqual(['pay rent today !high #home']);
    });

    it('asks once for a burst of typing', async () => {
      const { tasks } = await openToday();
      for (const text of ['w', 'wa', 'wat', 'water plants every day']) type(text);
      await waitFor(() => expect(preview().textContent).toContain('every day'));
      expect(tasks.callsOf('ParseCapture')).toHaveLength(1);
    });

    it('shows only the latest request’s answer when answers arrive out of order', async () => {
      const { tasks } = await openToday();
      const slow = hold();
      tasks.overrides.ParseCapture = (variables) =>
        variables.text === 'call mom' ? slow.promise : json({ data: { parseCapture: tasks.parse(String(variables.text)) } });

      type('call mom');
      await waitFor(() => expect(tasks.callsOf('ParseCapture')).toHaveLength(1));
      type('call dad tomorrow');
      await waitFor(() => expect(preview().textContent).toContain('call dad'));
      await act(async () => {
        slow.release(json({ data: { parseCapture: tasks.parse('call mom') } }));
        await slow.promise;
      });
      expect(preview().textContent).toContain('call dad');
      expect(preview().textContent).toContain('tomorrow');
      expect(preview().textContent).not.toContain('call mom');
    });

    it('clears when the box is emptied', async () => {
      await openToday();
      type('pay rent');
      await waitFor(() => expect(preview().textContent).toContain('pay rent'));
      type('');
      await waitFor(() => expect(preview().textContent).toBe(''));
    });
  });

  describe('capturing', () => {
    it('saves on Enter, clears the box, keeps focus in it and shows the task at once', async () => {
      const { tasks } = await openToday();
      captureBox().focus();
      type('pay rent today !high #home');
      pressEnter();
      const item = await screen.findByRole('checkbox', { name: 'pay rent' });
      expect(captureBox().value).toBe('');
      await waitFor(() => expect(document.activeElement).toBe(captureBox()));
      expect(item.closest('li')!.textContent).toContain('#home');
      expect(tasks.callsOf('CaptureTask').map((c) => c.variables.input)).toEqual([{ text: 'pay rent today !high #home' }]);
      expect(tasks.callsOf('Today')).toHaveLength(1);
      await waitFor(() => expect(statusText()).toContain('Saved “pay rent” for today.'));
    });

    it('puts a task for another day under "Saved for later", so it never seems to vanish', async () => {
      await openToday();
      type('dentist tomorrow');
      pressEnter();
      const later = (await screen.findByRole('heading', { level: 2, name: 'Saved for later' })).closest('section')!;
      expect(within(later).getByRole('checkbox', { name: 'dentist' }).closest('li')!.textContent).toContain('tomorrow');
    });

    it('shows the title limit while typing a long line, and sends nothing longer than a title can be', async () => {
      const { tasks } = await openToday();
      type('a'.repeat(399));
      expect(screen.queryByText(/characters for the title/)).toBeNull();
      type('a'.repeat(450));
      expect(screen.getByText('450 of 500 characters for the title')).toBeTruthy();
      type('a'.repeat(520));
      expect(screen.getByText('20 characters over the 500 a title can hold')).toBeTruthy();
      expect(captureBox().getAttribute('aria-invalid')).toBe('true');
      pressEnter();
      await waitFor(() => expect(alertText()).toContain('this one is 20 characters too long'));
      expect(tasks.callsOf('CaptureTask')).toHaveLength(0);
      expect(captureBox().value).toHaveLength(520);
    });

    it('asks for a few words when the text is only dates, priorities and tags, and saves nothing', async () => {
      const { tasks } = await openToday();
      type('tomorrow !high #x');
      await waitFor(() => expect(preview().textContent).toContain('Add a few words for the title'));
      pressEnter();
      await waitFor(() => expect(alertText()).toContain('Add a few words for the title — for example'));
      expect(tasks.callsOf('CaptureTask')).toHaveLength(0);
    });

    it('shows the server’s userErrors under the box and keeps the text', async () => {
      const { tasks } = await openToday();
      tasks.overrides.CaptureTask = () =>
        json({
          data: {
            captureTask: {
              task: null,
              userErrors: [{ field: 'title', message: 'Give the task a title.', code: 'TOO_SHORT' }],
            },
          },
        });
      type('tomorrow !high #home');
      pressEnter();
      await waitFor(() => expect(alertText()).toContain('Add a few words for the title'));
      expect(captureBox().value).toBe('tomorrow !high #home');
      expect(captureBox().getAttribute('aria-invalid')).toBe('true');
    });

    it('keeps the text on a network failure, and saves it on the next Enter', async () => {
      const { tasks } = await openToday();
      type('call mom tomorrow');
      tasks.offline = true;
      pressEnter();
      await waitFor(() => expect(alertText()).toMatch(/couldn’t reach your assistant.*still here/));
      expect(captureBox().value).toBe('call mom tomorrow');

      tasks.offline = false;
      pressEnter();
      await screen.findByRole('checkbox', { name: 'call mom' });
      expect(captureBox().value).toBe('');
      expect(alertText()).toBe('');
    });

    it('does not send an empty capture', async () => {
      const { tasks } = await openToday();
      type('   ');
      pressEnter();
      await waitFor(() => expect(alertText()).toContain('Type a task first'));
      expect(tasks.callsOf('CaptureTask')).toHaveLength(0);
    });

    it('keeps what was typed while saving, and saves once per Enter', async () => {
      const { tasks } = await openToday();
      const slow = hold();
      tasks.overrides.CaptureTask = () => slow.promise;
      type('pay rent today');
      pressEnter();
      pressEnter();
      await waitFor(() => expect(tasks.callsOf('CaptureTask')).toHaveLength(1));
      type('pay rent today water');
      await act(async () => {
        const task = tasks.addTask({ title: 'pay rent', dueDate: TODAY });
        slow.release(json({ data: { captureTask: { task, userErrors: [] } } }));
        await slow.promise;
      });
      await screen.findByRole('checkbox', { name: 'pay rent' });
      expect(captureBox().value).toBe('water');
      expect(tasks.callsOf('CaptureTask')).toHaveLength(1);
    });

    it('keeps an unsaved draft across a reload of the tab', async () => {
      await openToday();
      type('half a thought');
      cleanup();
      await openToday();
      expect(captureBox().value).toBe('half a thought');
    });
  });

  describe('completing', () => {
    it('takes a done task off the list with an Undo that brings it back', async () => {
      const { tasks } = await openToday((t) => {
        t.addTask({ title: 'pay rent', dueDate: TODAY });
        t.addTask({ title: 'call mom', dueDate: TODAY });
      });
      const rent = await screen.findByRole('checkbox', { name: 'pay rent' });
      rent.focus(); // as a click or Space does in a browser
      fireEvent.click(rent);
      await waitFor(() => expect(screen.queryByRole('checkbox', { name: 'pay rent' })).toBeNull());
      expect(statusText()).toContain('Done: “pay rent”');
      // Focus moves on to the next task rather than getting lost (in an effect after the list re-renders).
      await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('checkbox', { name: 'call mom' })));

      fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
      const back = await screen.findByRole('checkbox', { name: 'pay rent' });
      expect((back as HTMLInputElement).checked).toBe(false);
      expect(tasks.callsOf('ReopenTask')).toHaveLength(1);
      await waitFor(() => expect(document.activeElement).toBe(back));
      expect(statusText()).toContain('back on your list');
    });

    it('keeps a recurring task, ticked, with its next due as the server returns it', async () => {
      await openToday((t) => t.addTask({ title: 'water plants', dueDate: TODAY, recurrence: 'FREQ=DAILY' }));
      const box = (await screen.findByRole('checkbox', { name: 'water plants' })) as HTMLInputElement;
      fireEvent.click(box);
      await waitFor(() => expect(box.closest('li')!.textContent).toContain('Done for today · next tomorrow'));
      expect(box.checked).toBe(true);
      expect(statusText()).toContain('comes back tomorrow');
      expect(screen.getByText('That’s everything for today. Well done.')).toBeTruthy();
    });

    it('unticks the box and says so when the server cannot be reached', async () => {
      const { tasks } = await openToday((t) => t.addTask({ title: 'pay rent', dueDate: TODAY }));
      const box = (await screen.findByRole('checkbox', { name: 'pay rent' })) as HTMLInputElement;
      tasks.offline = true;
      fireEvent.click(box);
      await waitFor(() => expect(statusText()).toContain('isn’t ticked yet'));
      expect(box.checked).toBe(false);
    });

    it('ticks and unticks a step', async () => {
      const { tasks } = await openToday((t) =>
        t.addTask({
          title: 'send the form',
          dueDate: TODAY,
          subtasks: [
            { id: 's1', title: 'find it', status: 'OPEN', dueDate: TODAY, estimateMinutes: 5 },
            { id: 's2', title: 'post it', status: 'OPEN', dueDate: TODAY, estimateMinutes: 10 },
          ],
        }),
      );
      const step = (await screen.findByRole('checkbox', { name: /find it/ })) as HTMLInputElement;
      fireEvent.click(step);
      await waitFor(() => expect(statusText()).toContain('Step done. One step left.'));
      expect(step.checked).toBe(true);
      fireEvent.click(step);
      await waitFor(() => expect(step.checked).toBe(false));
      expect(tasks.callsOf('CompleteStep')).toHaveLength(1);
      expect(tasks.callsOf('ReopenStep')).toHaveLength(1);
    });
  });

  describe('restarting tasks from earlier', () => {
    it('breaks a task into the steps the server returns and focuses the first one', async () => {
      await openToday((t) => t.addTask({ title: 'send the form', dueDate: '2026-11-22' }));
      fireEvent.click(await screen.findByRole('button', { name: 'Break into steps' }));
      const steps = await screen.findByRole('list', { name: 'Steps for send the form' });
      const boxes = within(steps).getAllByRole('checkbox');
      expect(boxes).toHaveLength(3);
      await waitFor(() => expect(document.activeElement).toBe(boxes[0]));
      expect(screen.queryByRole('button', { name: 'Break into steps' })).toBeNull();
    });

    it('snoozes for an hour or until tomorrow morning in the person’s zone', async () => {
      const { tasks } = await openToday((t) => {
        t.timeZone = 'America/Los_Angeles';
        t.addTask({ title: 'send the form', dueDate: '2026-11-22' });
        t.addTask({ title: 'call the bank', dueDate: '2026-11-23' });
      });
      const form = (await screen.findByRole('checkbox', { name: 'send the form' })).closest('li')!;
      await chooseFromMenu(() => within(form).getByRole('button', { name: /^Snooze/ }), 'For an hour');
      await waitFor(() => expect(screen.queryByRole('checkbox', { name: 'send the form' })).toBeNull());
      expect(statusText()).toContain('resting until');

      const bank = screen.getByRole('checkbox', { name: 'call the bank' }).closest('li')!;
      await chooseFromMenu(() => within(bank).getByRole('button', { name: /^Snooze/ }), 'Until tomorrow morning');
      await waitFor(() => expect(screen.queryByRole('checkbox', { name: 'call the bank' })).toBeNull());
      expect(tasks.callsOf('SnoozeTask').map((c) => c.variables.input)).toEqual([
        { id: tasks.tasks[0]!.id, minutes: 60 },
        // 9:00 in Los Angeles (UTC-8 in November) the day after the server's today.
        { id: tasks.tasks[1]!.id, until: '2026-11-26T17:00:00.000Z' },
      ]);
      expect(await screen.findByText('Nothing due today')).toBeTruthy();
    });
  });
});
