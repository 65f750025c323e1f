// An in-memory fake of the tasks API, enough to drive the Today and Tasks pages: a tiny capture parser (today,
// tomorrow, an ISO date, "every day", !high, #tags), today's lists, the task list with its filter (one page of
// `first`, newest first), completion (recurring tasks move on a day), reopen, snooze and wake-up, breakdown into steps,
// edits, steps, reminders, cancel and delete.
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
    const known = [
      'Today',
      'ParseCapture',
      'CaptureTask',
      'CompleteTask',
      'ReopenTask',
      'CompleteStep',
      'ReopenStep',
      'SnoozeTask',
      'UnsnoozeTask',
      'BreakDownTask',
      'TaskList',
      'UpdateTask',
      'AddStep',
      'CancelTask',
      'DeleteTask',
      'AddReminder',
      'RemoveReminder',
      'FocusTask',
    ];
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
        if (field === 'reopenTask') {
          found.status = 'OPEN';
          if ('completedAt' in found) found.completedAt = null;
        } else if ('recurrence' in found && found.recurrence && found.dueDate) {
          found.dueDate = addDays(found.dueDate < this.today ? this.today : found.dueDate, 1);
        } else {
          found.status = 'DONE';
          if ('completedAt' in found) found.completedAt = new Date(Date.parse('2026-11-25T12:00:00Z') + this.counter++ * 60_000).toISOString();
        }
        return json({ data: { [field]: { task: { ...found }, userErrors: [] } } });
      }
      case 'SnoozeTask': {
        const task = this.tasks.find((t) => t.id === input.id);
        if (!task) return json({ data: { snoozeTask: { task: null, userErrors: [notFound()] } } });
        task.snoozedUntil =
          typeof input.until === 'string' ? input.until : new Date(Date.now() + Number(input.minutes) * 60_000).toISOString();
        return json({ data: { snoozeTask: { task: { ...task }, userErrors: [] } } });
      }
      case 'UnsnoozeTask': {
        const task = this.tasks.find((t) => t.id === input.id);
        if (!task) return json({ data: { unsnoozeTask: { task: null, userErrors: [notFound()] } } });
        task.snoozedUntil = null;
        return json({ data: { unsnoozeTask: { task: { ...task }, userErrors: [] } } });
      }
      case 'TaskList': {
        const filter = (variables.filter ?? {}) as { tag?: string | null; priority?: Priority | null; text?: string | null };
        const status = String(variables.status);
        const matching = this.tasks
          .filter((t) => t.status === status)
          .filter((t) => !filter.tag || t.tags.includes(filter.tag))
          .filter((t) => !filter.priority || t.priority === filter.priority)
          .filter((t) => !filter.text || `${t.title} ${t.notes ?? ''}`.toLowerCase().includes(filter.text.toLowerCase()))
          .reverse();
        const start = variables.after ? Number(variables.after) : 0;
        const page = matching.slice(start, start + Number(variables.first));
        const end = start + page.length;
        return json({
          data: {
            tasks: {
              totalCount: matching.length,
              pageInfo: { hasNextPage: end < matching.length, endCursor: String(end) },
              edges: page.map((t) => ({ node: { ...t } })),
            },
          },
        });
      }
      case 'UpdateTask': {
        const task = this.tasks.find((t) => t.id === input.id);
        if (!task) return json({ data: { updateTask: { task: null, userErrors: [notFound()] } } });
        const { id: _id, ...changes } = input;
        Object.assign(task, changes);
        if ('dueAt' in changes) {
          task.dueDate = changes.dueAt ? String(changes.dueAt).slice(0, 10) : null;
          task.allDay = !changes.dueAt;
        } else if ('dueDate' in changes) {
          task.dueAt = null;
          task.allDay = true;
        }
        return json({ data: { updateTask: { task: { ...task }, userErrors: [] } } });
      }
      case 'AddStep': {
        const parent = this.tasks.find((t) => t.id === input.parentId);
        if (!parent) return json({ data: { createTask: { task: null, userErrors: [notFound()] } } });
        const added = this.newStep(String(input.title));
        parent.subtasks = [...parent.subtasks, added];
        return json({ data: { createTask: { task: added, userErrors: [] } } });
      }
      case 'CancelTask': {
        const task = this.tasks.find((t) => t.id === input.id);
        if (!task) return json({ data: { cancelTask: { task: null, userErrors: [notFound()] } } });
        task.status = 'CANCELLED';
        return json({ data: { cancelTask: { task: { ...task }, userErrors: [] } } });
      }
      case 'DeleteTask': {
        if (!this.find(String(input.id))) return json({ data: { deleteTask: { deletedTaskId: null, userErrors: [notFound()] } } });
        this.tasks = this.tasks.filter((t) => t.id !== input.id);
        for (const t of this.tasks) t.subtasks = t.subtasks.filter((s) => s.id !== input.id);
        return json({ data: { deleteTask: { deletedTaskId: input.id, userErrors: [] } } });
      }
      case 'AddReminder': {
        const task = this.tasks.find((t) => t.id === input.taskId);
        if (!task) return json({ data: { addReminder: { task: null, userErrors: [notFound()] } } });
        const reminder = input.reminder as { remindAt?: string; offsetMinutes?: number; channels: Task['reminders'][number]['channels'] };
        this.counter += 1;
        task.reminders = [
          ...task.reminders,
          {
            id: `reminder-${this.counter}`,
            remindAt: reminder.remindAt ?? null,
            offsetMinutes: reminder.offsetMinutes ?? null,
            channels: reminder.channels,
            nextFireAt: reminder.remindAt ?? null,
          },
        ];
        return json({ data: { addReminder: { task: { ...task }, userErrors: [] } } });
      }
      case 'RemoveReminder': {
        const task = this.tasks.find((t) => t.reminders.some((r) => r.id === input.id));
        if (!task) return json({ data: { removeReminder: { task: null, userErrors: [notFound()] } } });
        task.reminders = task.reminders.filter((r) => r.id !== input.id);
        return json({ data: { removeReminder: { task: { ...task }, userErrors: [] } } });
      }
      case 'FocusTask': {
        const task = this.tasks.find((t) => t.id === variables.id);
        return json({ data: { node: task ? { ...task } : null } });
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
