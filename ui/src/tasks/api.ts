// The documents the Today and Tasks pages send (tasks.graphqls). Every mutation answers with the task as the server
// now sees it; the pages show exactly that.
import { graphql } from '../graphql/generated';
import type {
  ParseCaptureQuery,
  ReminderFieldsFragment,
  StepFieldsFragment,
  TaskFieldsFragment,
  TodayQuery,
} from '../graphql/generated/graphql';

// Fragments are defined once here for the generator; documents spread them by name.
graphql(`
  fragment StepFields on Task {
    id
    title
    status
    dueDate
    estimateMinutes
  }
`);

graphql(`
  fragment ReminderFields on Reminder {
    id
    remindAt
    offsetMinutes
    channels
    nextFireAt
  }
`);

graphql(`
  fragment TaskFields on Task {
    id
    title
    notes
    dueDate
    dueAt
    allDay
    priority
    tags
    status
    estimateMinutes
    recurrence
    snoozedUntil
    brokenDownAt
    createdAt
    completedAt
    subtasks { ...StepFields }
    reminders { ...ReminderFields }
  }
`);

/** A step of a task (a subtask): subtasks have no subtasks of their own. */
export type Step = StepFieldsFragment;
export type Task = TaskFieldsFragment;
export type Reminder = ReminderFieldsFragment;
export type TodayData = NonNullable<TodayQuery['today']>;
export type CapturePreview = NonNullable<ParseCaptureQuery['parseCapture']>;

export const TODAY = graphql(`
  query Today {
    today {
      date
      timeZone
      dueToday { ...TaskFields }
      overdue { ...TaskFields }
    }
  }
`);

export const PARSE_CAPTURE = graphql(`
  query ParseCapture($text: String!) {
    parseCapture(text: $text) {
      title
      dueDate
      dueAt
      allDay
      priority
      tags
      recurrence
      remindAt
      flags
      userErrors { ...UserErrorFields }
    }
  }
`);

export const CAPTURE_TASK = graphql(`
  mutation CaptureTask($input: CaptureTaskInput!) {
    captureTask(input: $input) { task { ...TaskFields } userErrors { ...UserErrorFields } }
  }
`);

export const COMPLETE_TASK = graphql(`
  mutation CompleteTask($input: CompleteTaskInput!) {
    completeTask(input: $input) { task { ...TaskFields } userErrors { ...UserErrorFields } }
  }
`);

export const REOPEN_TASK = graphql(`
  mutation ReopenTask($input: ReopenTaskInput!) {
    reopenTask(input: $input) { task { ...TaskFields } userErrors { ...UserErrorFields } }
  }
`);

export const COMPLETE_STEP = graphql(`
  mutation CompleteStep($input: CompleteTaskInput!) {
    completeTask(input: $input) { task { ...StepFields } userErrors { ...UserErrorFields } }
  }
`);

export const REOPEN_STEP = graphql(`
  mutation ReopenStep($input: ReopenTaskInput!) {
    reopenTask(input: $input) { task { ...StepFields } userErrors { ...UserErrorFields } }
  }
`);

export const SNOOZE_TASK = graphql(`
  mutation SnoozeTask($input: SnoozeTaskInput!) {
    snoozeTask(input: $input) { task { ...TaskFields } userErrors { ...UserErrorFields } }
  }
`);

export const UNSNOOZE_TASK = graphql(`
  mutation UnsnoozeTask($input: UnsnoozeTaskInput!) {
    unsnoozeTask(input: $input) { task { ...TaskFields } userErrors { ...UserErrorFields } }
  }
`);

/** A page of the task list: open tasks (newest first) or done ones (most recently done first), narrowed by a filter. */
export const TASK_LIST = graphql(`
  query TaskList($status: TaskStatus!, $filter: TaskFilter, $first: Int!, $after: String) {
    tasks(status: $status, filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { ...TaskFields } }
    }
  }
`);

export const UPDATE_TASK = graphql(`
  mutation UpdateTask($input: UpdateTaskInput!) {
    updateTask(input: $input) { task { ...TaskFields } userErrors { ...UserErrorFields } }
  }
`);

/** A new step of a task (createTask with its parent). */
export const ADD_STEP = graphql(`
  mutation AddStep($input: CreateTaskInput!) {
    createTask(input: $input) { task { ...StepFields } userErrors { ...UserErrorFields } }
  }
`);

export const CANCEL_TASK = graphql(`
  mutation CancelTask($input: CancelTaskInput!) {
    cancelTask(input: $input) { task { ...TaskFields } userErrors { ...UserErrorFields } }
  }
`);

export const DELETE_TASK = graphql(`
  mutation DeleteTask($input: DeleteTaskInput!) {
    deleteTask(input: $input) { deletedTaskId userErrors { ...UserErrorFields } }
  }
`);

export const ADD_REMINDER = graphql(`
  mutation AddReminder($input: AddReminderInput!) {
    addReminder(input: $input) { task { ...TaskFields } userErrors { ...UserErrorFields } }
  }
`);

export const REMOVE_REMINDER = graphql(`
  mutation RemoveReminder($input: RemoveReminderInput!) {
    removeReminder(input: $input) { task { ...TaskFields } userErrors { ...UserErrorFields } }
  }
`);

export const BREAK_DOWN_TASK = graphql(`
  mutation BreakDownTask($input: BreakDownTaskInput!) {
    breakDownTask(input: $input) { task { ...TaskFields } userErrors { ...UserErrorFields } }
  }
`);

/** The connected calendars' events of some days (agenda.graphqls), for Today and Week; tasks come from the task list. */
export const AGENDA = graphql(`
  query Agenda($from: Date!, $to: Date!) {
    agenda(from: $from, to: $to) {
      items { kind title date allDay startsAt endsAt location link }
    }
  }
`);

/** Free slots for a task (scheduling.graphqls), with the connected accounts, to know which calendars can take it. */
export const FIND_TIME_FOR = graphql(`
  query FindTimeFor($input: FindTimeForInput!) {
    findTimeFor(input: $input) { slots { startsAt endsAt } minutes userErrors { ...UserErrorFields } }
    integrations { id provider capabilities status }
  }
`);

export const SCHEDULE_TASK = graphql(`
  mutation ScheduleTask($input: ScheduleTaskInput!) {
    scheduleTask(input: $input) { task { ...TaskFields } eventLink userErrors { ...UserErrorFields } }
  }
`);
