// The task panel's form: the task's fields as editable text, and back to the fields updateTask takes (only those that
// changed). The checks mirror the server's TaskRules so that mistakes show next to their field before sending.
import type { Priority, UpdateTaskInput } from '../graphql/generated/graphql';
import { i18n } from '../i18n';
import { codePointLength } from '../lib/validation';
import type { Task } from './api';
import { zonedInstant } from './format';

export const LIMITS = { title: 500, notes: 10_000, tags: 20, tag: 40, estimate: 10_080 } as const;

export interface TaskForm {
  title: string;
  notes: string;
  /** YYYY-MM-DD, or empty for no due. */
  dueDate: string;
  /** HH:MM, or empty for an all-day due. */
  dueTime: string;
  priority: Priority | '';
  /** Tags as typed: "home, #errands kids". */
  tags: string;
  /** Minutes, as typed. */
  estimate: string;
  /** The RRULE value, or null for no repeat. */
  recurrence: string | null;
}

export type TaskFormField = keyof TaskForm;
export type TaskFormErrors = Partial<Record<TaskFormField, string>>;

/** The wall-clock time (HH:MM, 24-hour) of an instant in a zone. */
export function wallTime(instant: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).formatToParts(
    new Date(instant),
  );
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${get('hour')}:${get('minute')}`;
}

export function formOf(task: Task, timeZone: string): TaskForm {
  return {
    title: task.title,
    notes: task.notes ?? '',
    dueDate: task.dueDate ?? '',
    dueTime: task.dueAt ? wallTime(task.dueAt, timeZone) : '',
    priority: task.priority ?? '',
    tags: task.tags.map((t) => `#${t}`).join(' '),
    estimate: task.estimateMinutes ? String(task.estimateMinutes) : '',
    recurrence: task.recurrence,
  };
}

/** "home, #errands Kids" → ["errands", "home", "kids"]: lower case, without '#', unique, sorted as the server keeps them. */
export function parseTags(text: string): string[] {
  const tags = text
    .split(/[\s,]+/)
    .map((t) => t.replace(/^#+/, '').toLocaleLowerCase())
    .filter(Boolean);
  return [...new Set(tags)].sort();
}

const TAG = /^[\p{L}\p{N}_-]+$/u;

export function validateTaskForm(form: TaskForm): TaskFormErrors {
  const errors: TaskFormErrors = {};
  const title = form.title.trim();
  if (!title) errors.title = i18n.t('taskForm.errors.titleMissing');
  else if (codePointLength(title) > LIMITS.title) errors.title = i18n.t('taskForm.errors.titleLong', { limit: LIMITS.title });
  if (codePointLength(form.notes) > LIMITS.notes) errors.notes = i18n.t('taskForm.errors.notesLong', { limit: LIMITS.notes });
  if (form.dueTime && !form.dueDate) errors.dueDate = i18n.t('taskForm.errors.timeWithoutDate');
  const tags = parseTags(form.tags);
  if (tags.length > LIMITS.tags) errors.tags = i18n.t('taskForm.errors.tooManyTags', { limit: LIMITS.tags });
  else if (tags.some((t) => t.length > LIMITS.tag)) errors.tags = i18n.t('taskForm.errors.tagLong', { limit: LIMITS.tag });
  else if (tags.some((t) => !TAG.test(t))) errors.tags = i18n.t('taskForm.errors.tagChars');
  if (form.estimate.trim()) {
    const minutes = Number(form.estimate);
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > LIMITS.estimate) errors.estimate = i18n.t('taskForm.errors.estimate');
  }
  return errors;
}

/** The fields that differ from the task, as updateTask takes them (a due given as a day, or a time in the zone). */
export function changesFrom(task: Task, form: TaskForm, timeZone: string): Omit<UpdateTaskInput, 'id'> {
  const before = formOf(task, timeZone);
  const changes: Omit<UpdateTaskInput, 'id'> = {};
  if (form.title.trim() !== before.title) changes.title = form.title.trim();
  if (form.notes !== before.notes) changes.notes = form.notes.trim() ? form.notes : null;
  if (form.dueDate !== before.dueDate || form.dueTime !== before.dueTime) {
    if (!form.dueDate) {
      changes.dueDate = null;
      changes.dueAt = null;
    } else if (form.dueTime) {
      const [hour, minute] = form.dueTime.split(':').map(Number);
      changes.dueAt = zonedInstant(form.dueDate, hour!, minute!, timeZone);
    } else {
      changes.dueDate = form.dueDate;
    }
  }
  if (form.priority !== before.priority) changes.priority = form.priority || null;
  const tags = parseTags(form.tags);
  if (tags.join(' ') !== task.tags.join(' ')) changes.tags = tags;
  if (form.estimate.trim() !== before.estimate) changes.estimateMinutes = form.estimate.trim() ? Number(form.estimate) : null;
  if (form.recurrence !== before.recurrence) changes.recurrence = form.recurrence;
  return changes;
}
