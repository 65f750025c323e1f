// An in-memory fake of the tasks API, enough to drive the Today page: a tiny capture parser (today, tomorrow, an ISO
// date, "every day", !high, #tags), today's lists, completion (recurring tasks move on a day), reopen, snooze,
// breakdown into steps.
import type { Priority } from '../graphql/generated/graphql';
import type { CapturePreview, Step, Task, TodayData } from '../tasks/api';
import { addDays } from '../tasks/format';
import { json } from './fakeGraphQL';
import { newTaskFields } from './tasks';

type Handler = (variables: Record<string, unknown>) => Response | Promise<Response>;

export class FakeTasksServer {
  today = '2026-11-25';
  timeZone = 'UTC';
  tasks: Task[] = [];
  offline = false;
  /** Every tasks operation received, with its variables. */
  calls: Array<{ operationName: string; variables: Record<string, unknown> }> = [];
  /** Replaces the fake's answer for an operation (e.g. to delay it or return userErrors). */
  overrides: Record<string, Handler> = {};
  private counter = 0;

  addTask(fields: Partial<Task> & { title: string }): Task {
    const task = this.newTask(fields);
    this.tasks.push(task);
    return task;
  }

  parse(text: string): CapturePreview {
    let rest = ` ${text} `;
    let dueDate: string | null = null;
    let recurrence: string | null = null;
    let priority: Priority | null = null;
    const tags: string[] = [];
    const take = (pattern: RegExp, use: (m: RegExpExecArray) => void) => {
      const m = pattern.exec(rest);
      if (m) {
        use(m);
        rest = rest.replace(m[0], ' ');
      }
    };
    take(/\severy day\s/i, () => {
      recurrence = 'FREQ=DAILY';
      dueDate = this.today;
    });
    take(/\stoday\s/i, () => (dueDate = this.today));
    take(/\stomorrow\s/i, () => (dueDate = addDays(this.today, 1)));
    take(/\s(\d{4}-\d{2}-\d{2})\s/, (m) => (dueDate = m[1]!));
    take(/\s!high\s/i, () => (priority = 'HIGH'));
    for (let m = /\s#([\w-]+)/.exec(rest); m; m = /\s#([\w-]+)/.exec(rest)) {
      tags.push(m[1]!.toLowerCase());
      rest = rest.replace(m[0], ' ');
    }
    const title = rest.replace(/\s+/g, ' ').trim();
    // Text that is only recognised phrases has no title (the server flags it TITLE_MISSING and refuses to save it).
    return {
      title,
      dueDate,
      dueAt: null,
      allDay: dueDate ? true : null,
      priority,
      tags: tags.sort(),
      recurrence,
      remindAt: null,
      flags: [],
      userErrors: [],
    };
  }

  /** Answers a tasks operation, or null when the operation is not one of them. */
  handle(operationName: string, variables: Record<string, unknown>): Response | Promise<Response> | null {
    const known = ['Today', 'ParseCapture', 'CaptureTask', 'CompleteTask', 'ReopenTask', 'CompleteStep', 'ReopenStep', 'SnoozeTask', 'BreakDownTask'];
    if (!known.includes(operationName)) return null;
    this.calls.push({ operationName, variables });
    if (this.offline) throw new TypeError('Failed to fetch');
    const override = this.overrides[operationName];
    if (override) return override(variables);
    const input = (variables.input ?? {}) as Record<string, unknown>;
    switch (operationName) {
      case 'Today':
        return json({ data: { today: this.todayData() } });
      case 'ParseCapture': {
        const text = String(variables.text ?? '');
        if (!text.trim()) {
          return json({ data: { parseCapture: { ...this.parse('x'), title: '', userErrors: [tooShort()] } } });
        }
        return json({ data: { parseCapture: this.parse(text) } });
      }
      case 'CaptureTask': {
        const text = String(input.text ?? '');
        if (!text.trim()) return json({ data: { captureTask: { task: null, userErrors: [tooShort()] } } });
        const p = this.parse(text);
        if (!p.title) {
          return json({ data: { captureTask: { task: null, userErrors: [{ field: 'title', message: 'Give the task a title.', code: 'TOO_SHORT' }] } } });
        }
        const task = this.addTask({ title: p.title, dueDate: p.dueDate, priority: p.priority, tags: p.tags, recurrence: p.recurrence });
        return json({ data: { captureTask: { task, userErrors: [] } } });
      }
      case 'CompleteTask':
      case 'CompleteStep':
      case 'ReopenTask':
      case 'ReopenStep': {
        const field = operationName.startsWith('Complete') ? 'completeTask' : 'reopenTask';
        const found = this.find(String(input.id));
        if (!found) return json({ data: { [field]: { task: null, userErrors: [notFound()] } } });
        if (field === 'reopenTask') found.status = 'OPEN';
        else if ('recurrence' in found && found.recurrence && found.dueDate) found.dueDate = addDays(found.dueDate < this.today ? this.today : found.dueDate, 1);
        else found.status = 'DONE';
        return json({ data: { [field]: { task: { ...found }, userErrors: [] } } });
      }
      case 'SnoozeTask': {
        const task = this.tasks.find((t) => t.id === input.id);
        if (!task) return json({ data: { snoozeTask: { task: null, userErrors: [notFound()] } } });
        task.snoozedUntil =
          typeof input.until === 'string' ? input.until : new Date(Date.now() + Number(input.minutes) * 60_000).toISOString();
        return json({ data: { snoozeTask: { task: { ...task }, userErrors: [] } } });
      }
      case 'BreakDownTask': {
        const task = this.tasks.find((t) => t.id === input.id);
        if (!task) return json({ data: { breakDownTask: { task: null, userErrors: [notFound()] } } });
        if (task.subtasks.length > 0) {
          return json({
            data: {
              breakDownTask: {
                task: null,
                userErrors: [{ field: 'id', message: 'This task already has steps.', code: 'ALREADY_EXISTS' }],
              },
            },
          });
        }
        task.subtasks = ['Find what you need', 'Do the first 10 minutes', 'Check what is left'].map((title) => this.newStep(title));
        task.brokenDownAt = new Date().toISOString();
        return json({ data: { breakDownTask: { task: { ...task }, userErrors: [] } } });
      }
    }
    return null;
  }

  todayData(): TodayData {
    const open = this.tasks.filter((t) => t.status === 'OPEN' && t.dueDate && !(t.snoozedUntil && Date.parse(t.snoozedUntil) > Date.now()));
    return {
      date: this.today,
      timeZone: this.timeZone,
      dueToday: open.filter((t) => t.dueDate === this.today).map((t) => ({ ...t })),
      overdue: open.filter((t) => t.dueDate! < this.today).map((t) => ({ ...t })),
    };
  }

  callsOf(operationName: string) {
    return this.calls.filter((c) => c.operationName === operationName);
  }

  private find(id: string): Task | Step | undefined {
    for (const task of this.tasks) {
      if (task.id === id) return task;
      const step = task.subtasks.find((s) => s.id === id);
      if (step) return step;
    }
    return undefined;
  }

  private newTask(fields: Partial<Task> & { title: string }): Task {
    this.counter += 1;
    return { id: `task-${this.counter}`, ...newTaskFields(), ...fields };
  }

  private newStep(title: string): Step {
    this.counter += 1;
    return { id: `step-${this.counter}`, title, status: 'OPEN', dueDate: this.today, estimateMinutes: 10 };
  }
}

function tooShort() {
  return { field: 'text', message: 'Type something to capture.', code: 'TOO_SHORT' };
}

function notFound() {
  return { field: 'id', message: 'That task doesn’t exist.', code: 'NOT_FOUND' };
}
