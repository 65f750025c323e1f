// The documents the Today page sends (tasks.graphqls). Every mutation answers with the task as the server now sees
// it; the page shows exactly that.
import { graphql } from '../graphql/generated';
import type { ParseCaptureQuery, StepFieldsFragment, TaskFieldsFragment, TodayQuery } from '../graphql/generated/graphql';

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
  fragment TaskFields on Task {
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
    subtasks { ...StepFields }
  }
`);

/** A step of a task (a subtask): subtasks have no subtasks of their own. */
export type Step = StepFieldsFragment;
export type Task = TaskFieldsFragment;
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

export const BREAK_DOWN_TASK = graphql(`
  mutation BreakDownTask($input: BreakDownTaskInput!) {
    breakDownTask(input: $input) { task { ...TaskFields } userErrors { ...UserErrorFields } }
  }
`);
