// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pinClock, releaseClock } from '../test/clock';
import { FakeAccountsServer } from '../test/fakeGraphQL';
import { chooseFromMenu } from '../test/menus';
import type { FakeTasksServer } from '../test/fakeTasks';
import { renderApp } from '../test/renderApp';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const TODAY = '2026-11-25'; // a Wednesday
/** Mid-afternoon of TODAY in the fake profile's zone (Europe/London). */
const NOW = `${TODAY}T14:00:00Z`;

async function openTasks(setUp: (tasks: FakeTasksServer) => void = () => undefined, path = '/tasks', server = new FakeAccountsServer()) {
  server.cookie = 'cookie-0';
  server.tasks.today = TODAY;
  server.tasks.timeZone = server.user.timeZone;
  setUp(server.tasks);
  await renderApp(path, server);
  await screen.findByRole('heading', { level: 1, name: 'Tasks' });
  return { server, tasks: server.tasks };
}

/** The group (card) under an h2 of that name. */
async function group(name: RegExp | string): Promise<HTMLElement> {
  return (await screen.findByRole('heading', { level: 2, name })).closest('section')!;
}

function titles(section: HTMLElement): string[] {
  return within(section)
    .queryAllByRole('button')
    .filter((b) => b.classList.contains('task__title--button'))
    .map((b) => b.textContent ?? '');
}

function statusText(): string {
  return screen.getAllByRole('status').map((s) => s.textContent ?? '').join(' ');
}

describe('Tasks page', () => {
  beforeEach(() => {
    sessionStorage.clear();
    pinClock(NOW);
  });
  afterEach(() => {
    cleanup();
    releaseClock();
  });

  it('shows every open task: from earlier, today, coming up by day, someday, and the resting ones apart', async () => {
    await openTasks((t) => {
      t.addTask({ title: 'send the form', dueDate: '2026-11-20' });
      t.addTask({ title: 'pay rent', dueDate: TODAY });
      t.addTask({ title: 'call mom', dueDate: '2026-11-26' });
      t.addTask({ title: 'finish report', dueDate: '2026-11-27' });
      t.addTask({ title: 'dentist', dueDate: '2026-11-26', priority: 'HIGH' });
      t.addTask({ title: 'buy milk' });
      t.addTask({ title: 'stretch', dueDate: TODAY, snoozedUntil: '2026-11-25T18:00:00Z' });
      t.addTask({ title: 'old and done', status: 'DONE' });
    });
    expect(titles(await group(/^From earlier/))).toEqual(['send the form']);
    expect(titles(await group(/^Today/))).toEqual(['pay rent']);
    const upcoming = await group(/^Coming up/);
    // By day, the most urgent first within a day.
    expect(titles(upcoming)).toEqual(['dentist', 'call mom', 'finish report']);
    expect(within(upcoming).getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
      'Thursday, November 26',
      'Friday, November 27',
    ]);
    expect(titles(await group(/^Someday/))).toEqual(['buy milk']);
    const resting = await group(/^Resting/);
    expect(titles(resting)).toEqual(['stretch']);
    expect(resting.textContent).toContain('Resting until today');
    expect(document.body.textContent).not.toContain('old and done');
  });

  it('keeps what was captured findable after a reload: undated and future tasks included', async () => {
    const first = await openTasks();
    for (const text of ['buy milk', 'finish report 2026-11-27', 'pay rent today', 'plan trip 2026-12-20 #travel']) {
      fireEvent.change(screen.getByLabelText('Capture a task'), { target: { value: text } });
      fireEvent.submit(screen.getByLabelText('Capture a task').closest('form')!);
      await screen.findByRole('button', { name: text.replace(/ (today|\d{4}-\d{2}-\d{2}|#\w+)/g, '') });
    }
    cleanup();
    await openTasks(() => undefined, '/tasks', first.server);
    expect(titles(await group(/^Someday/))).toEqual(['buy milk']);
    expect(titles(await group(/^Today/))).toEqual(['pay rent']);
    expect(titles(await group(/^Coming up/))).toEqual(['finish report', 'plan trip']);
  });

  it('narrows the list by tag, priority and words, kept in the address; a tag chip filters by it', async () => {
    const { tasks } = await openTasks((t) => {
      t.addTask({ title: 'water plants', tags: ['home'] });
      t.addTask({ title: 'call the plumber', tags: ['home'], priority: 'HIGH' });
      t.addTask({ title: 'send invoice', tags: ['work'], notes: 'the plumber’s' });
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Show only #work' }));
    await waitFor(() => expect(titles(document.body)).toEqual(['send invoice']));
    expect(window.location.search).toBe('?tag=work');
    expect(tasks.callsOf('TaskList').at(-1)!.variables.filter).toEqual({ tag: 'work', priority: null, text: null });

    fireEvent.change(screen.getByLabelText('Tag'), { target: { value: 'home' } });
    fireEvent.change(screen.getByLabelText('Priority'), { target: { value: 'HIGH' } });
    await waitFor(() => expect(titles(document.body)).toEqual(['call the plumber']));

    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    fireEvent.change(screen.getByLabelText('Words'), { target: { value: 'plumber' } });
    await waitFor(() => expect(titles(document.body).sort()).toEqual(['call the plumber', 'send invoice']));
    expect(new URLSearchParams(window.location.search).get('q')).toBe('plumber');
  });

  it('edits a task in its panel: title, notes, a timed due, priority, tags and a repeat rule written in words', async () => {
    const { tasks } = await openTasks((t) => {
      t.addTask({ title: 'water plants', dueDate: TODAY });
    });
    fireEvent.click(await screen.findByRole('button', { name: 'water plants' }));
    const panel = await screen.findByRole('dialog', { name: 'Task' });
    fireEvent.change(within(panel).getByLabelText('Title'), { target: { value: 'water the plants' } });
    fireEvent.change(within(panel).getByLabelText('Notes'), { target: { value: 'the big ones first' } });
    fireEvent.change(within(panel).getByLabelText('Day'), { target: { value: '2026-11-30' } });
    fireEvent.change(within(panel).getByLabelText('Time (none: all day)'), { target: { value: '18:30' } });
    fireEvent.change(within(panel).getByLabelText('Priority'), { target: { value: 'LOW' } });
    fireEvent.change(within(panel).getByLabelText('Tags'), { target: { value: '#Home, garden' } });
    fireEvent.change(within(panel).getByLabelText('How often'), { target: { value: 'WEEKLY' } });
    fireEvent.change(within(panel).getByLabelText('Every'), { target: { value: '2' } });
    fireEvent.click(within(panel).getByRole('checkbox', { name: 'Monday' }));
    fireEvent.click(within(panel).getByRole('checkbox', { name: 'Thursday' }));
    expect(within(panel).getByText('Repeats every other Monday and Thursday.')).toBeTruthy();
    fireEvent.click(within(panel).getByRole('button', { name: 'Save changes' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(tasks.callsOf('UpdateTask').at(-1)!.variables.input).toEqual({
      id: tasks.tasks[0]!.id,
      title: 'water the plants',
      notes: 'the big ones first',
      // 18:30 in London on November 30 (UTC+0 then).
      dueAt: '2026-11-30T18:30:00.000Z',
      priority: 'LOW',
      tags: ['garden', 'home'],
      recurrence: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH',
    });
    expect(statusText()).toContain('Saved the changes to “water the plants”.');
    const item = screen.getByRole('button', { name: 'water the plants' }).closest('li')!;
    expect(item.textContent).toContain('every other Monday and Thursday');
  });

  it('checks the panel’s fields before sending, each error next to its field', async () => {
    const { tasks } = await openTasks((t) => {
      t.addTask({ title: 'water plants' });
    });
    fireEvent.click(await screen.findByRole('button', { name: 'water plants' }));
    const panel = await screen.findByRole('dialog', { name: 'Task' });
    fireEvent.change(within(panel).getByLabelText('Title'), { target: { value: 'x'.repeat(501) } });
    fireEvent.change(within(panel).getByLabelText('Tags'), { target: { value: '#ok #not/ok' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Save changes' }));
    expect(await within(panel).findByText('Keep the title to 500 characters or fewer.')).toBeTruthy();
    expect(within(panel).getByText('Tags use letters, digits, - and _ only.')).toBeTruthy();
    expect(within(panel).getByText('501 of 500 characters')).toBeTruthy();
    expect(tasks.callsOf('UpdateTask')).toHaveLength(0);
  });

  it('adds a step and a reminder by email 30 minutes before the due, and changes the reminder to a text', async () => {
    const { tasks } = await openTasks((t) => {
      t.addTask({ title: 'file taxes', dueAt: '2026-11-28T10:00:00Z', dueDate: '2026-11-28', allDay: false });
    });
    fireEvent.click(await screen.findByRole('button', { name: 'file taxes' }));
    const panel = await screen.findByRole('dialog', { name: 'Task' });

    fireEvent.change(within(panel).getByLabelText('New step'), { target: { value: 'find last year’s form' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Add step' }));
    expect(await within(panel).findByRole('checkbox', { name: 'find last year’s form' })).toBeTruthy();

    fireEvent.click(within(panel).getByRole('button', { name: 'Add a reminder' }));
    fireEvent.click(within(panel).getByRole('radio', { name: 'Some minutes before the due' }));
    fireEvent.change(within(panel).getByLabelText('Minutes before'), { target: { value: '30' } });
    fireEvent.click(within(panel).getByRole('checkbox', { name: 'In the app' }));
    fireEvent.click(within(panel).getByRole('checkbox', { name: 'Email' }));
    fireEvent.click(within(panel).getByRole('button', { name: 'Add reminder' }));
    expect(await within(panel).findByText('30 minutes before the due · Email')).toBeTruthy();
    expect(tasks.callsOf('AddReminder')[0]!.variables.input).toEqual({
      taskId: tasks.tasks[0]!.id,
      reminder: { offsetMinutes: 30, channels: ['EMAIL'] },
    });

    fireEvent.click(within(panel).getByRole('button', { name: 'Change the reminder 30 minutes before the due' }));
    fireEvent.click(within(panel).getByRole('checkbox', { name: 'Text message' }));
    fireEvent.click(within(panel).getByRole('button', { name: 'Save reminder' }));
    expect(await within(panel).findByText('30 minutes before the due · Email, Text message')).toBeTruthy();
    expect(tasks.tasks[0]!.reminders).toHaveLength(1);
  });

  it('deletes with Undo (cancelled at once, back on Undo), and deletes for good once the page is left', async () => {
    const { tasks } = await openTasks((t) => {
      t.addTask({ title: 'old plan' });
      t.addTask({ title: 'another plan' });
    });
    fireEvent.click(await screen.findByRole('button', { name: 'old plan' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Delete this task' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'old plan' })).toBeNull());
    expect(statusText()).toContain('Deleted “old plan”.');
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByRole('button', { name: 'old plan' })).toBeTruthy();
    expect(tasks.callsOf('ReopenTask')).toHaveLength(1);

    fireEvent.click(screen.getByRole('button', { name: 'another plan' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Delete this task' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'another plan' })).toBeNull());
    expect(tasks.callsOf('DeleteTask')).toHaveLength(0);
    cleanup();
    await waitFor(() => expect(tasks.callsOf('DeleteTask')).toHaveLength(1));
    expect(tasks.tasks.map((t) => t.title)).toEqual(['old plan']);
  });

  it('lists done tasks, most recently done first, and takes one back with “Not done after all”', async () => {
    const { tasks } = await openTasks((t) => {
      t.addTask({ title: 'pay rent', dueDate: TODAY });
      t.addTask({ title: 'call mom' });
    });
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Mark “pay rent” done' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'pay rent' })).toBeNull());
    fireEvent.click(screen.getByRole('checkbox', { name: 'Mark “call mom” done' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'call mom' })).toBeNull());

    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    const done = await group(/^Done/);
    await waitFor(() => expect(within(done).getAllByRole('listitem').map((li) => li.querySelector('.task__title')!.textContent)).toEqual(['call mom', 'pay rent']));
    fireEvent.click(within(done).getByRole('button', { name: '“pay rent” is not done after all' }));
    await waitFor(() => expect(within(done).queryByText('pay rent')).toBeNull());
    expect(tasks.tasks.find((t) => t.title === 'pay rent')!.status).toBe('OPEN');
    fireEvent.click(screen.getByRole('button', { name: /^Open/ }));
    expect(await screen.findByRole('button', { name: 'pay rent' })).toBeTruthy();
  });

  it('snoozes until next week (Monday 9:00 in the person’s zone), and wakes a resting task', async () => {
    const { tasks } = await openTasks((t) => {
      t.addTask({ title: 'send the form', dueDate: TODAY });
      t.addTask({ title: 'stretch', dueDate: TODAY, snoozedUntil: '2026-11-25T18:00:00Z' });
    });
    const item = (await screen.findByRole('button', { name: 'send the form' })).closest('li')!;
    await chooseFromMenu(() => within(item).getByRole('button', { name: 'Snooze “send the form”' }), 'Until next week');
    await waitFor(() => expect(titles(screen.getByRole('heading', { name: /^Resting/ }).closest('section')!)).toContain('send the form'));
    expect(tasks.callsOf('SnoozeTask')[0]!.variables.input).toEqual({ id: tasks.tasks[0]!.id, until: '2026-11-30T09:00:00.000Z' });

    fireEvent.click(screen.getByRole('button', { name: 'Wake up “stretch” now' }));
    await waitFor(() => expect(titles(screen.getByRole('heading', { name: /^Today/ }).closest('section')!)).toEqual(['stretch']));
    expect(statusText()).toContain('“stretch” is awake again.');
  });

  it('snoozes until a picked time from the keyboard: the menu opens with Enter, Escape gives the focus back, the field gets it', async () => {
    const { tasks } = await openTasks((t) => t.addTask({ title: 'send the form', dueDate: TODAY }));
    const item = (await screen.findByRole('button', { name: 'send the form' })).closest('li')!;
    const trigger = () => within(item).getByRole('button', { name: 'Snooze “send the form”' });
    await waitFor(() => expect(trigger().getAttribute('aria-haspopup')).toBe('menu'));
    trigger().focus();
    fireEvent.keyDown(trigger(), { key: 'Enter' });
    const items = within(await screen.findByRole('menu')).getAllByRole('menuitem');
    expect(items[0]!.textContent).toBe('For an hour');
    expect(items.at(-1)!.textContent).toBe('Pick a time…');
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('menu')).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(trigger()));

    await chooseFromMenu(trigger, 'Pick a time…');
    const field = await within(item).findByLabelText('Rest until');
    await waitFor(() => expect(document.activeElement).toBe(field));
    fireEvent.change(field, { target: { value: '2026-11-27T08:30' } });
    fireEvent.click(within(item).getByRole('button', { name: 'Snooze' }));
    await waitFor(() => expect(tasks.callsOf('SnoozeTask')).toHaveLength(1));
    // 8:30 in London (UTC+0 in November).
    expect(tasks.callsOf('SnoozeTask')[0]!.variables.input).toEqual({ id: tasks.tasks[0]!.id, until: '2026-11-27T08:30:00.000Z' });
  });

  it('moves with j and k, completes with x, opens with e and lists the keys with ?; never while typing', async () => {
    const { tasks } = await openTasks((t) => {
      t.addTask({ title: 'first', dueDate: TODAY });
      t.addTask({ title: 'second', dueDate: '2026-11-26' });
    });
    await screen.findByRole('button', { name: 'first' });
    const search = screen.getByLabelText('Words');
    search.focus();
    fireEvent.keyDown(search, { key: 'j' });
    expect(document.activeElement).toBe(search);

    act(() => (document.activeElement as HTMLElement).blur());
    fireEvent.keyDown(document.body, { key: 'j' });
    expect(document.activeElement).toBe(screen.getByRole('checkbox', { name: 'Mark “first” done' }));
    fireEvent.keyDown(document.activeElement!, { key: 'j' });
    expect(document.activeElement).toBe(screen.getByRole('checkbox', { name: 'Mark “second” done' }));
    fireEvent.keyDown(document.activeElement!, { key: 'k' });
    fireEvent.keyDown(document.activeElement!, { key: 'x' });
    await waitFor(() => expect(tasks.callsOf('CompleteTask')).toHaveLength(1));
    expect(tasks.callsOf('CompleteTask')[0]!.variables.input).toEqual({ id: tasks.tasks[0]!.id });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('checkbox', { name: 'Mark “second” done' })));

    fireEvent.keyDown(document.activeElement!, { key: 'e' });
    expect(await screen.findByRole('dialog', { name: 'Task' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    fireEvent.keyDown(document.body, { key: '?' });
    const help = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(help.textContent).toContain('Mark the task done');
    fireEvent.keyDown(document.body, { key: 'n' });
    expect(document.activeElement).not.toBe(screen.getByLabelText('Capture a task'));
    fireEvent.click(within(help).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    fireEvent.keyDown(document.body, { key: 'n' });
    expect(document.activeElement).toBe(screen.getByLabelText('Capture a task'));
  });
});
