// The tasks slice of the API (graphql-schema/src/main/graphql/tasks.graphqls): types and the documents the Today
// page sends. Every mutation answers with the task as the server now sees it; the page shows exactly that.

import type { Operation } from '../graphql/client';
import type { UserError } from '../graphql/types';

export type Priority = 'URGENT' | 'HIGH' | 'MEDIUM' | 'LOW';
export type TaskStatus = 'OPEN' | 'DONE' | 'CANCELLED';

/** A step of a task (a subtask): subtasks have no subtasks of their own. */
export interface Step {
  id: string;
  title: string;
  status: TaskStatus;
  /** YYYY-MM-DD */
  dueDate: string | null;
  estimateMinutes: number | null;
}

export interface Task {
  id: string;
  title: string;
  /** The due day (YYYY-MM-DD): of an all-day task, or the local day of a timed one in the person's zone. */
  dueDate: string | null;
  /** ISO instant of a timed task; null for all-day tasks. */
  dueAt: string | null;
  allDay: boolean;
  priority: Priority | null;
  tags: string[];
  status: TaskStatus;
  /** RFC 5545 RRULE value, e.g. FREQ=WEEKLY;BYDAY=MO. */
  recurrence: string | null;
  snoozedUntil: string | null;
  brokenDownAt: string | null;
  subtasks: Step[];
}

export interface TodayData {
  /** The person's today (YYYY-MM-DD) in their zone. */
  date: string;
  timeZone: string;
  dueToday: Task[];
  overdue: Task[];
}

export interface CapturePreview {
  title: string;
  dueDate: string | null;
  dueAt: string | null;
  allDay: boolean | null;
  priority: Priority | null;
  tags: string[];
  recurrence: string | null;
  remindAt: string | null;
  userErrors: UserError[];
}

export interface TaskPayload {
  task: Task | null;
  userErrors: UserError[];
}

/** A step's payload: the mutation returns the step itself, a Task with the Step fields. */
export interface StepPayload {
  task: Step | null;
  userErrors: UserError[];
}

const STEP_FIELDS = `id title status dueDate estimateMinutes`;

const TASK_FIELDS = `
  id
  title
  dueDate
  dueAt
  allDay
  priority
  tags
  status
  recurrence
  snoozedUntil
  brokenDownAt
  subtasks { ${STEP_FIELDS} }
`;

const USER_ERRORS = `userErrors { field message code }`;

export const TODAY: Operation<{ today: TodayData | null }, Record<string, never>> = {
  operationName: 'Today',
  query: `query Today {
  today {
    date
    timeZone
    dueToday { ${TASK_FIELDS} }
    overdue { ${TASK_FIELDS} }
  }
}`,
};

export const PARSE_CAPTURE: Operation<{ parseCapture: CapturePreview | null }, { text: string }> = {
  operationName: 'ParseCapture',
  query: `query ParseCapture($text: String!) {
  parseCapture(text: $text) {
    title dueDate dueAt allDay priority tags recurrence remindAt
    ${USER_ERRORS}
  }
}`,
};

export const CAPTURE_TASK: Operation<{ captureTask: TaskPayload }, { input: { text: string } }> = {
  operationName: 'CaptureTask',
  query: `mutation CaptureTask($input: CaptureTaskInput!) {
  captureTask(input: $input) { task { ${TASK_FIELDS} } ${USER_ERRORS} }
}`,
};

export const COMPLETE_TASK: Operation<{ completeTask: TaskPayload }, { input: { id: string } }> = {
  operationName: 'CompleteTask',
  query: `mutation CompleteTask($input: CompleteTaskInput!) {
  completeTask(input: $input) { task { ${TASK_FIELDS} } ${USER_ERRORS} }
}`,
};

export const REOPEN_TASK: Operation<{ reopenTask: TaskPayload }, { input: { id: string } }> = {
  operationName: 'ReopenTask',
  query: `mutation ReopenTask($input: ReopenTaskInput!) {
  reopenTask(input: $input) { task { ${TASK_FIELDS} } ${USER_ERRORS} }
}`,
};

export const COMPLETE_STEP: Operation<{ completeTask: StepPayload }, { input: { id: string } }> = {
  operationName: 'CompleteStep',
  query: `mutation CompleteStep($input: CompleteTaskInput!) {
  completeTask(input: $input) { task { ${STEP_FIELDS} } ${USER_ERRORS} }
}`,
};

export const REOPEN_STEP: Operation<{ reopenTask: StepPayload }, { input: { id: string } }> = {
  operationName: 'ReopenStep',
  query: `mutation ReopenStep($input: ReopenTaskInput!) {
  reopenTask(input: $input) { task { ${STEP_FIELDS} } ${USER_ERRORS} }
}`,
};

export const SNOOZE_TASK: Operation<
  { snoozeTask: TaskPayload },
  { input: { id: string; minutes?: number; until?: string } }
> = {
  operationName: 'SnoozeTask',
  query: `mutation SnoozeTask($input: SnoozeTaskInput!) {
  snoozeTask(input: $input) { task { ${TASK_FIELDS} } ${USER_ERRORS} }
}`,
};

export const BREAK_DOWN_TASK: Operation<{ breakDownTask: TaskPayload }, { input: { id: string } }> = {
  operationName: 'BreakDownTask',
  query: `mutation BreakDownTask($input: BreakDownTaskInput!) {
  breakDownTask(input: $input) { task { ${TASK_FIELDS} } ${USER_ERRORS} }
}`,
};
