// Test helpers for tasks: a task with sensible defaults.
import type { Step, Task } from '../tasks/api';

let counter = 0;

/** What a new open task holds besides its id and title (fresh arrays on each call). */
export function newTaskFields(): Omit<Task, 'id' | 'title'> {
  return {
    dueDate: null,
    dueAt: null,
    allDay: true,
    priority: null,
    tags: [],
    status: 'OPEN',
    recurrence: null,
    snoozedUntil: null,
    brokenDownAt: null,
    notes: null,
    estimateMinutes: null,
    createdAt: '2026-11-01T09:00:00Z',
    completedAt: null,
    subtasks: [],
    reminders: [],
  };
}

export function task(overrides: Partial<Task> = {}): Task {
  counter += 1;
  return { id: `T${counter}`, title: `task ${counter}`, ...newTaskFields(), ...overrides };
}

export function step(overrides: Partial<Step> = {}): Step {
  counter += 1;
  return { id: `S${counter}`, title: `step ${counter}`, status: 'OPEN', dueDate: null, estimateMinutes: 10, ...overrides };
}
