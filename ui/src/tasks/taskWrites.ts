// The task writes, each a mutation of the query cache: what the server returned goes into every cached read that
// holds the task (taskCache.ts). A write that did not happen throws: the transport's failure, or the userErrors.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { GraphQLClient } from '../graphql/client';
import type { AddReminderInput, SnoozeTaskInput, UpdateTaskInput } from '../graphql/generated/graphql';
import type { UserError } from '../graphql/operations';
import { GraphQLRequestError, requestData } from '../graphql/query';
import { i18n } from '../i18n';
import {
  ADD_REMINDER,
  ADD_STEP,
  BREAK_DOWN_TASK,
  CANCEL_TASK,
  CAPTURE_TASK,
  COMPLETE_STEP,
  COMPLETE_TASK,
  DELETE_TASK,
  REMOVE_REMINDER,
  REOPEN_STEP,
  REOPEN_TASK,
  SNOOZE_TASK,
  UNSNOOZE_TASK,
  UPDATE_TASK,
  type Step,
  type Task,
} from './api';
import { dueWords } from './format';
import { stepChanged, taskChanged } from './taskCache';
import { failureMessage, userErrorMessage, type StatusMessage } from './useTaskRequests';

/** The server refused the write (a person's mistake, or a rule): its userErrors. */
export class UserErrorsError extends Error {
  constructor(readonly userErrors: UserError[]) {
    super('The write was refused');
    this.name = 'UserErrorsError';
  }
}

/** The object a payload carries, or its userErrors thrown. */
function returned<T>(payload: { task: T | null; userErrors: UserError[] }): T {
  if (!payload.task) throw new UserErrorsError(payload.userErrors);
  return payload.task;
}

/** What to say when a write did not happen. */
export function writeProblem(error: unknown): string {
  if (error instanceof UserErrorsError) return userErrorMessage(error.userErrors);
  if (error instanceof GraphQLRequestError) return failureMessage(error.failure);
  return failureMessage({ kind: 'http', status: 0 });
}

/** True when the write never got an answer, or got an error answer (not userErrors). */
export function isTransportFailure(error: unknown): boolean {
  return !(error instanceof UserErrorsError);
}

/** What the person is told when ticking `task` failed; on a lost answer, that it is not ticked yet. */
export function notTickedMessage(error: unknown, task: Task): string {
  const message = writeProblem(error);
  return isTransportFailure(error) ? i18n.t('tasks.notTicked', { failure: message, title: task.title }) : message;
}

/**
 * What the person is told once `done` is ticked: for a repeating task that stays open, when it comes next (in
 * `day`'s terms when known); otherwise that it is done, with an Undo that runs `reopen`.
 */
export function completedMessage(
  done: Task,
  day: { today: string; timeZone: string } | null,
  reopen: (task: Task) => void,
): { text: string; undo?: StatusMessage['undo'] } {
  if (done.status === 'OPEN') {
    const next = day ? dueWords(done, day.today, day.timeZone) : null;
    return { text: next ? i18n.t('tasks.doneForNowNext', { title: done.title, next }) : i18n.t('tasks.doneForNow', { title: done.title }) };
  }
  return { text: i18n.t('tasks.done', { title: done.title }), undo: { label: i18n.t('common.undo'), taskId: done.id, run: () => reopen(done) } };
}

export interface StepWrite {
  parentId: string;
  id: string;
}

/** Capturing a line (the capture bar): the new task joins the cached lists. */
export function useCaptureTask(client: GraphQLClient) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (text: string) => returned((await requestData(client, CAPTURE_TASK, { input: { text } })).captureTask),
    onSuccess: (task) => taskChanged(queryClient, task),
  });
}

/** Every task write, with what each does to the cache. */
export function useTaskWrites(client: GraphQLClient) {
  const queryClient = useQueryClient();
  const changed = (task: Task) => taskChanged(queryClient, task);
  const stepIn = ({ parentId, step }: { parentId: string; step: Step }) => stepChanged(queryClient, parentId, step);

  return {
    complete: useMutation({
      mutationFn: async (id: string) => returned((await requestData(client, COMPLETE_TASK, { input: { id } })).completeTask),
      onSuccess: changed,
    }),
    reopen: useMutation({
      mutationFn: async (id: string) => returned((await requestData(client, REOPEN_TASK, { input: { id } })).reopenTask),
      onSuccess: changed,
    }),
    snooze: useMutation({
      mutationFn: async (input: SnoozeTaskInput) => returned((await requestData(client, SNOOZE_TASK, { input })).snoozeTask),
      onSuccess: changed,
    }),
    wake: useMutation({
      mutationFn: async (id: string) => returned((await requestData(client, UNSNOOZE_TASK, { input: { id } })).unsnoozeTask),
      onSuccess: changed,
    }),
    breakDown: useMutation({
      mutationFn: async (id: string) => returned((await requestData(client, BREAK_DOWN_TASK, { input: { id } })).breakDownTask),
      onSuccess: changed,
    }),
    update: useMutation({
      mutationFn: async (input: UpdateTaskInput) => returned((await requestData(client, UPDATE_TASK, { input })).updateTask),
      onSuccess: changed,
    }),
    addReminder: useMutation({
      mutationFn: async (input: AddReminderInput) => returned((await requestData(client, ADD_REMINDER, { input })).addReminder),
      onSuccess: changed,
    }),
    removeReminder: useMutation({
      mutationFn: async (id: string) => returned((await requestData(client, REMOVE_REMINDER, { input: { id } })).removeReminder),
      onSuccess: changed,
    }),
    /** Cancels (Delete with Undo): the task leaves every list at once. */
    cancel: useMutation({
      mutationFn: async (id: string) => returned((await requestData(client, CANCEL_TASK, { input: { id } })).cancelTask),
      onSuccess: changed,
    }),
    /** Deletes for good a task already cancelled (it is in no list any more). */
    deleteForGood: useMutation({
      mutationFn: (id: string) => requestData(client, DELETE_TASK, { input: { id } }),
    }),
    completeStep: useMutation({
      mutationFn: async ({ parentId, id }: StepWrite) => ({
        parentId,
        step: returned((await requestData(client, COMPLETE_STEP, { input: { id } })).completeTask),
      }),
      onSuccess: stepIn,
    }),
    reopenStep: useMutation({
      mutationFn: async ({ parentId, id }: StepWrite) => ({
        parentId,
        step: returned((await requestData(client, REOPEN_STEP, { input: { id } })).reopenTask),
      }),
      onSuccess: stepIn,
    }),
    addStep: useMutation({
      mutationFn: async ({ parentId, title }: { parentId: string; title: string }) => ({
        parentId,
        step: returned((await requestData(client, ADD_STEP, { input: { title, parentId } })).createTask),
      }),
      onSuccess: stepIn,
    }),
    removeStep: useMutation({
      mutationFn: async ({ parentId, id }: StepWrite) => {
        const payload = (await requestData(client, DELETE_TASK, { input: { id } })).deleteTask;
        if (!payload.deletedTaskId) throw new UserErrorsError(payload.userErrors);
        return { parentId, id };
      },
      onSuccess: ({ parentId, id }) => stepChanged(queryClient, parentId, null, id),
    }),
  };
}

export type TaskWrites = ReturnType<typeof useTaskWrites>;
