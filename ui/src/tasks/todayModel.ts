// What the Today page shows, as a pure reducer over the server's answers: every change starts from the task the
// server returned, so the page reflects the server (a recurring task comes back OPEN with its next due, and stays).

import type { Step, Task, TodayData } from './api';
import { daysBetween } from './format';

export type Section = 'dueToday' | 'overdue' | 'later';

export interface TodayModel {
  date: string;
  timeZone: string;
  dueToday: Task[];
  overdue: Task[];
  /** Captured during this visit but not due today (a later day, or no day): shown so nothing seems to vanish. */
  later: Task[];
  /** Recurring tasks whose occurrence was done during this visit: they stay, ticked, showing their next due. */
  doneForNow: string[];
}

export type TodayAction =
  | { type: 'loaded'; data: TodayData }
  /** A new task from captureTask. */
  | { type: 'captured'; task: Task }
  /** The answer of completeTask on a top-level task. */
  | { type: 'completed'; task: Task }
  /** The answer of reopenTask (undo). */
  | { type: 'reopened'; task: Task }
  /** The answer of snoozeTask: the task leaves Today until then. */
  | { type: 'snoozed'; task: Task }
  /** Any other new state of a task, e.g. breakDownTask's (now with steps). */
  | { type: 'updated'; task: Task }
  /** The answer of completeTask/reopenTask on a step. */
  | { type: 'stepChanged'; parentId: string; step: Step };

const SECTIONS: Section[] = ['dueToday', 'overdue', 'later'];

export function initialModel(data: TodayData): TodayModel {
  return { date: data.date, timeZone: data.timeZone, dueToday: data.dueToday, overdue: data.overdue, later: [], doneForNow: [] };
}

/** Where a task belongs on this day: due today, from earlier, or later (including no due at all). */
export function sectionFor(task: Task, today: string): Section {
  if (!task.dueDate) return 'later';
  const diff = daysBetween(today, task.dueDate);
  if (diff === 0) return 'dueToday';
  return diff < 0 ? 'overdue' : 'later';
}

/** The server's order for Today: by due instant (an all-day due counts as its day's midnight UTC). */
function dueKey(task: Task): string {
  if (task.dueAt) return new Date(task.dueAt).toISOString();
  if (task.dueDate) return `${task.dueDate}T00:00:00.000Z`;
  return '\uffff';
}

export function insertSorted(list: Task[], task: Task): Task[] {
  const key = dueKey(task);
  const index = list.findIndex((t) => dueKey(t) > key);
  return index < 0 ? [...list, task] : [...list.slice(0, index), task, ...list.slice(index)];
}

export function findTask(model: TodayModel, id: string): { section: Section; index: number; task: Task } | null {
  for (const section of SECTIONS) {
    const index = model[section].findIndex((t) => t.id === id);
    if (index >= 0) return { section, index, task: model[section][index]! };
  }
  return null;
}

function without(model: TodayModel, id: string): TodayModel {
  const next = { ...model };
  for (const section of SECTIONS) {
    if (model[section].some((t) => t.id === id)) next[section] = model[section].filter((t) => t.id !== id);
  }
  if (model.doneForNow.includes(id)) next.doneForNow = model.doneForNow.filter((x) => x !== id);
  return next;
}

function replaced(model: TodayModel, task: Task): TodayModel | null {
  const found = findTask(model, task.id);
  if (!found) return null;
  const list = [...model[found.section]];
  list[found.index] = task;
  return { ...model, [found.section]: list };
}

/** Puts the task where it belongs now (later tasks are only kept when `keepLater`). */
function placed(model: TodayModel, task: Task, keepLater: boolean): TodayModel {
  const rest = without(model, task.id);
  const section = sectionFor(task, model.date);
  if (section === 'later' && !keepLater) return rest;
  if (section === 'later') return { ...rest, later: [task, ...rest.later] };
  return { ...rest, [section]: insertSorted(rest[section], task) };
}

export function todayReducer(model: TodayModel, action: TodayAction): TodayModel {
  switch (action.type) {
    case 'loaded': {
      const fresh = initialModel(action.data);
      const onServer = new Set([...fresh.dueToday, ...fresh.overdue].map((t) => t.id));
      const sameDay = fresh.date === model.date;
      // What this visit added stays on screen: done recurring tasks (same day only) and later captures.
      const kept = sameDay
        ? model.dueToday.filter((t) => model.doneForNow.includes(t.id) && !onServer.has(t.id))
        : [];
      return {
        ...fresh,
        dueToday: [...fresh.dueToday, ...kept],
        later: model.later.filter((t) => !onServer.has(t.id) && sectionFor(t, fresh.date) === 'later'),
        doneForNow: kept.map((t) => t.id),
      };
    }
    case 'captured':
      return placed(model, action.task, true);
    case 'completed': {
      const task = action.task;
      if (task.status !== 'OPEN') return without(model, task.id);
      // A recurring task moved to its next occurrence. Still due today or earlier: it is simply due again there.
      const section = sectionFor(task, model.date);
      if (section !== 'later') return placed(model, task, false);
      const found = findTask(model, task.id);
      if (!found) return model;
      // Due on a later day: it stays where it was, ticked, showing its next due.
      const next = replaced(model, task)!;
      return { ...next, doneForNow: [...model.doneForNow.filter((x) => x !== task.id), task.id] };
    }
    case 'reopened':
      return placed(model, action.task, true);
    case 'snoozed':
      return without(model, action.task.id);
    case 'updated':
      return replaced(model, action.task) ?? model;
    case 'stepChanged': {
      const found = findTask(model, action.parentId);
      if (!found) return model;
      const parent = found.task;
      const subtasks = parent.subtasks.map((s) => (s.id === action.step.id ? action.step : s));
      return replaced(model, { ...parent, subtasks })!;
    }
  }
}

/** True when the day has nothing left to do (nothing open today or from earlier). */
export function isClear(model: TodayModel): boolean {
  return model.overdue.length === 0 && model.dueToday.every((t) => model.doneForNow.includes(t.id));
}
