// The Week page's model: the next 7 days of open tasks, what is still to plan, and what moving a task to a day sends.
import type { UpdateTaskInput } from '../graphql/generated/graphql';
import type { Task } from './api';
import { addDays, daysBetween, zonedInstant } from './format';
import { compareTasks, dueDay, type DayGroup } from './taskList';

export const WEEK_DAYS = 7;

export interface WeekPlan {
  /** Today and the 6 days after it, each with its tasks (possibly none). */
  days: DayGroup[];
  /** Open tasks from earlier days or with no date: waiting for a day. Snoozed ones rest elsewhere. */
  toPlan: Task[];
}

export function weekPlan(tasks: readonly Task[], today: string, timeZone: string, now: number): WeekPlan {
  const days: DayGroup[] = Array.from({ length: WEEK_DAYS }, (_, i) => ({ day: addDays(today, i), tasks: [] }));
  const toPlan: Task[] = [];
  for (const task of [...tasks].sort(compareTasks(timeZone))) {
    if (task.status !== 'OPEN' || (task.snoozedUntil && Date.parse(task.snoozedUntil) > now)) continue;
    const day = dueDay(task, timeZone);
    const offset = day ? daysBetween(today, day) : -1;
    if (offset < 0) toPlan.push(task);
    else if (offset < WEEK_DAYS) days[offset]!.tasks.push(task);
  }
  return { days, toPlan };
}

/** The hour and minute a timed task is due at, on the wall clock of `timeZone`. */
function wallTime(instant: string, timeZone: string): { hour: number; minute: number } {
  const parts = new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: 'numeric', hourCycle: 'h23', timeZone }).formatToParts(
    new Date(instant),
  );
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? '0');
  return { hour: get('hour') % 24, minute: get('minute') };
}

/** The change that moves a task to `day`: a timed task keeps its time of day (in the person's zone). */
export function moveInput(task: Task, day: string, timeZone: string): Omit<UpdateTaskInput, 'id'> {
  if (!task.dueAt) return { dueDate: day };
  const { hour, minute } = wallTime(task.dueAt, timeZone);
  return { dueAt: zonedInstant(day, hour, minute, timeZone) };
}
