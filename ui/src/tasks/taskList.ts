// The Tasks page's grouping of every open task: resting (snoozed), overdue, today, upcoming by day, someday (no date).
import type { Task } from './api';
import { dayOf, daysBetween } from './format';

export interface DayGroup {
  day: string;
  tasks: Task[];
}

export interface TaskGroups {
  /** Snoozed until later: listed apart, with "Wake up now". */
  resting: Task[];
  overdue: Task[];
  today: Task[];
  upcoming: DayGroup[];
  someday: Task[];
}

const PRIORITY_ORDER: Record<string, number> = { URGENT: 0, HIGH: 1, MEDIUM: 2, LOW: 3 };

/** The task's due day in the person's zone, or null. */
export function dueDay(task: Task, timeZone: string): string | null {
  return task.dueDate ?? (task.dueAt ? dayOf(task.dueAt, timeZone) : null);
}

/**
 * The order within a group: by day, all-day tasks before timed ones on the same day, timed ones by time, then the
 * most urgent, then the oldest (as the server orders Today).
 */
export function compareTasks(timeZone: string) {
  return (a: Task, b: Task): number => {
    const dayA = dueDay(a, timeZone) ?? '\uffff';
    const dayB = dueDay(b, timeZone) ?? '\uffff';
    if (dayA !== dayB) return dayA < dayB ? -1 : 1;
    const timeA = a.dueAt ? Date.parse(a.dueAt) : -Infinity;
    const timeB = b.dueAt ? Date.parse(b.dueAt) : -Infinity;
    if (timeA !== timeB) return timeA < timeB ? -1 : 1;
    const priorityA = a.priority ? PRIORITY_ORDER[a.priority]! : 9;
    const priorityB = b.priority ? PRIORITY_ORDER[b.priority]! : 9;
    if (priorityA !== priorityB) return priorityA - priorityB;
    return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0;
  };
}

/** Groups open tasks for the person's `today` in their zone; a task snoozed past `now` is resting. */
export function groupTasks(tasks: readonly Task[], today: string, timeZone: string, now: number): TaskGroups {
  const groups: TaskGroups = { resting: [], overdue: [], today: [], upcoming: [], someday: [] };
  const byDay = new Map<string, Task[]>();
  for (const task of [...tasks].sort(compareTasks(timeZone))) {
    if (task.status !== 'OPEN') continue;
    if (task.snoozedUntil && Date.parse(task.snoozedUntil) > now) {
      groups.resting.push(task);
      continue;
    }
    const day = dueDay(task, timeZone);
    if (!day) groups.someday.push(task);
    else if (daysBetween(today, day) < 0) groups.overdue.push(task);
    else if (day === today) groups.today.push(task);
    else byDay.set(day, [...(byDay.get(day) ?? []), task]);
  }
  groups.upcoming = [...byDay.entries()].map(([day, list]) => ({ day, tasks: list }));
  groups.resting.sort((a, b) => Date.parse(a.snoozedUntil!) - Date.parse(b.snoozedUntil!));
  return groups;
}

/** The tasks in the order the page shows them (j/k move along it). */
export function shownOrder(groups: TaskGroups): Task[] {
  return [...groups.overdue, ...groups.today, ...groups.upcoming.flatMap((g) => g.tasks), ...groups.someday, ...groups.resting];
}

/** The list with `task` as the server now sees it: replaced, added, or gone when it is no longer open. */
export function withTask(tasks: readonly Task[], task: Task): Task[] {
  const rest = tasks.filter((t) => t.id !== task.id);
  if (task.status !== 'OPEN') return rest;
  const index = tasks.findIndex((t) => t.id === task.id);
  if (index < 0) return [task, ...rest];
  return [...rest.slice(0, index), task, ...rest.slice(index)];
}

/** The filter the list is narrowed by (in the address: ?tag=…&priority=…&q=…). */
export interface ListFilter {
  tag: string | null;
  priority: Task['priority'];
  text: string;
}
