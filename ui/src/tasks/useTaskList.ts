import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import type { GraphQLClient } from '../graphql/client';
import type { UpdateTaskInput } from '../graphql/generated/graphql';
import { i18n } from '../i18n';
import type { Reminder, Step, Task } from './api';
import { snoozeInput } from './snooze';
import { cachedTask, taskChanged } from './taskCache';
import type { ListFilter } from './taskList';
import { useOpenTasksQuery } from './taskQueries';
import { completedMessage, notTickedMessage, useTaskWrites, writeProblem } from './taskWrites';
import { snoozedMessage, useTaskRequests, type LoadState, type SnoozeTo } from './useTaskRequests';

/** How long "Deleted … Undo" can be undone before the task is deleted for good. */
export const DELETE_UNDO_MS = 10_000;

/** The problem a write met, or null once it is done. */
function problemOf(write: Promise<unknown>): Promise<string | null> {
  return write.then(
    () => null,
    (error: unknown) => writeProblem(error),
  );
}

export type ReminderDraft = { remindAt: string; offsetMinutes?: undefined } | { offsetMinutes: number; remindAt?: undefined };

/**
 * Every open task matching the filter (from the query cache), and what the Tasks and Week pages do to them: each
 * write puts the task the server returned in every cached list, and says what happened. A deleted task is first
 * cancelled (it leaves every list at once, on every device) and deleted for good once Undo is no longer offered.
 */
export function useTaskList(client: GraphQLClient, filter: ListFilter, today: string, timeZone: string) {
  const queryClient = useQueryClient();
  const query = useOpenTasksQuery(client, filter);
  const writes = useTaskWrites(client);
  const { busy, status, say, dismiss, exclusive } = useTaskRequests();
  const pendingDeletes = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const tasks = query.data ?? null;
  // A failed refresh keeps what is shown; only a first load shows the failure.
  const load: LoadState = tasks ? 'ready' : query.status === 'error' && !query.isFetching ? 'failed' : 'loading';
  const { refetch } = query;
  const reload = useCallback(() => refetch().then(() => undefined), [refetch]);
  const upsert = useCallback((task: Task) => taskChanged(queryClient, task, { agenda: true }), [queryClient]);

  const { mutateAsync: deleteTask } = writes.deleteForGood;
  const deleteForGood = useCallback(
    (id: string) => {
      const timer = pendingDeletes.current.get(id);
      if (timer === undefined) return;
      clearTimeout(timer);
      pendingDeletes.current.delete(id);
      void deleteTask(id).catch(() => undefined);
    },
    [deleteTask],
  );

  // Leaving the page ends the time to undo: what was deleted is deleted for good.
  useEffect(() => {
    const pending = pendingDeletes.current;
    return () => {
      for (const id of [...pending.keys()]) deleteForGood(id);
    };
  }, [deleteForGood]);

  const { mutateAsync: reopenTask } = writes.reopen;
  /** Opens a done (or deleted) task again; true when it is open. */
  const reopen = useCallback(
    (task: Task, message: 'reopened' | 'restored' = 'reopened'): Promise<boolean> => {
      let ok = false;
      return exclusive(task.id, async () => {
        try {
          const reopened = await reopenTask(task.id);
          ok = true;
          say(i18n.t(`tasks.${message}`, { title: reopened.title }));
        } catch (error) {
          say(writeProblem(error));
        }
      }).then(() => ok);
    },
    [exclusive, reopenTask, say],
  );

  const { mutateAsync: completeTask } = writes.complete;
  const complete = useCallback(
    (task: Task) =>
      exclusive(task.id, async () => {
        let done: Task;
        try {
          done = await completeTask(task.id);
        } catch (error) {
          return say(notTickedMessage(error, task));
        }
        const { text, undo } = completedMessage(done, { today, timeZone }, (t) => void reopen(t));
        say(text, undo);
      }),
    [completeTask, exclusive, reopen, say, today, timeZone],
  );

  const { mutateAsync: snoozeTask } = writes.snooze;
  const snooze = useCallback(
    (task: Task, to: SnoozeTo) =>
      exclusive(task.id, async () => {
        const input = typeof to === 'string' ? snoozeInput(to, today, timeZone) : to;
        try {
          say(snoozedMessage(await snoozeTask({ id: task.id, ...input }), today, timeZone));
        } catch (error) {
          say(writeProblem(error));
        }
      }),
    [exclusive, say, snoozeTask, today, timeZone],
  );

  const { mutateAsync: wakeTask } = writes.wake;
  const wake = useCallback(
    (task: Task) =>
      exclusive(task.id, async () => {
        try {
          say(i18n.t('tasks.woken', { title: (await wakeTask(task.id)).title }));
        } catch (error) {
          say(writeProblem(error));
        }
      }),
    [exclusive, say, wakeTask],
  );

  const { mutateAsync: breakDownTask } = writes.breakDown;
  const breakDown = useCallback(
    (task: Task): Promise<boolean> => {
      let ok = false;
      return exclusive(task.id, async () => {
        try {
          const broken = await breakDownTask(task.id);
          ok = true;
          say(i18n.t('tasks.brokenDown', { title: task.title, count: broken.subtasks.length }));
        } catch (error) {
          say(writeProblem(error));
        }
      }).then(() => ok);
    },
    [breakDownTask, exclusive, say],
  );

  const { mutateAsync: completeStep } = writes.completeStep;
  const { mutateAsync: reopenStep } = writes.reopenStep;
  const toggleStep = useCallback(
    (parent: Task, step: Step) =>
      exclusive(step.id, async () => {
        const done = step.status === 'DONE';
        let changed: Step;
        try {
          ({ step: changed } = await (done ? reopenStep : completeStep)({ parentId: parent.id, id: step.id }));
        } catch (error) {
          return say(writeProblem(error));
        }
        const steps = (cachedTask(queryClient, parent.id) ?? parent).subtasks.map((s) => (s.id === changed.id ? changed : s));
        const left = steps.filter((s) => s.status !== 'DONE').length;
        if (done) say(i18n.t('tasks.stepOpen', { title: changed.title }));
        else if (left === 0) say(i18n.t('tasks.allStepsDone', { title: parent.title }));
        else say(i18n.t('tasks.stepDone', { count: left }));
      }),
    [completeStep, exclusive, queryClient, reopenStep, say],
  );

  const { mutateAsync: updateTask } = writes.update;
  /** Saves the fields given; answers the problem to show next to the form, or null when saved. */
  const update = useCallback(
    async (task: Task, changes: Omit<UpdateTaskInput, 'id'>): Promise<string | null> => {
      let problem: string | null = null;
      await exclusive(task.id, async () => {
        try {
          say(i18n.t('tasks.updated', { title: (await updateTask({ id: task.id, ...changes })).title }));
        } catch (error) {
          problem = writeProblem(error);
        }
      });
      return problem;
    },
    [exclusive, say, updateTask],
  );

  const { mutateAsync: addStepTo } = writes.addStep;
  const addStep = useCallback((parent: Task, title: string) => problemOf(addStepTo({ parentId: parent.id, title })), [addStepTo]);

  const { mutateAsync: removeStepOf } = writes.removeStep;
  const removeStep = useCallback((parent: Task, step: Step) => problemOf(removeStepOf({ parentId: parent.id, id: step.id })), [removeStepOf]);

  const { mutateAsync: addReminderTo } = writes.addReminder;
  const addReminder = useCallback(
    (task: Task, reminder: ReminderDraft & { channels: Reminder['channels'] }) => problemOf(addReminderTo({ taskId: task.id, reminder })),
    [addReminderTo],
  );

  const { mutateAsync: removeReminderOf } = writes.removeReminder;
  const removeReminder = useCallback((reminder: Reminder) => problemOf(removeReminderOf(reminder.id)), [removeReminderOf]);

  const { mutateAsync: cancelTask } = writes.cancel;
  /** Deletes with Undo: cancelled now (gone from every list), deleted for good when Undo is no longer offered. */
  const remove = useCallback(
    (task: Task) =>
      exclusive(task.id, async () => {
        let cancelled: Task;
        try {
          cancelled = await cancelTask(task.id);
        } catch (error) {
          return say(writeProblem(error));
        }
        pendingDeletes.current.set(
          task.id,
          setTimeout(() => deleteForGood(task.id), DELETE_UNDO_MS),
        );
        say(i18n.t('tasks.deleted', { title: task.title }), {
          label: i18n.t('common.undo'),
          taskId: task.id,
          run: () => {
            const timer = pendingDeletes.current.get(task.id);
            if (timer === undefined) return;
            clearTimeout(timer);
            pendingDeletes.current.delete(task.id);
            void reopen(cancelled, 'restored');
          },
        });
      }),
    [cancelTask, deleteForGood, exclusive, reopen, say],
  );

  return {
    tasks,
    load,
    busy,
    status,
    dismiss,
    say,
    reload,
    upsert,
    complete,
    reopen,
    snooze,
    wake,
    breakDown,
    toggleStep,
    update,
    addStep,
    removeStep,
    addReminder,
    removeReminder,
    remove,
  };
}
