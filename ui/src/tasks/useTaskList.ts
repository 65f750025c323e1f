import { useCallback, useEffect, useRef, useState } from 'react';
import type { GraphQLClient, GraphQLResult } from '../graphql/client';
import type { TaskListQuery, UpdateTaskInput } from '../graphql/generated/graphql';
import { i18n } from '../i18n';
import {
  ADD_REMINDER,
  ADD_STEP,
  BREAK_DOWN_TASK,
  CANCEL_TASK,
  COMPLETE_STEP,
  COMPLETE_TASK,
  DELETE_TASK,
  REMOVE_REMINDER,
  REOPEN_STEP,
  REOPEN_TASK,
  SNOOZE_TASK,
  TASK_LIST,
  UNSNOOZE_TASK,
  UPDATE_TASK,
  type Reminder,
  type Step,
  type Task,
} from './api';
import { dueWords } from './format';
import { snoozeInput } from './snooze';
import { withTask, type ListFilter } from './taskList';
import { failureMessage, outcomeOf, snoozedMessage, userErrorMessage, useTaskRequests, type LoadState, type SnoozeTo } from './useTaskRequests';

/** Open tasks are read 100 at a time (the server's largest page) until all are there; at most this many pages. */
const PAGE = 100;
const MAX_PAGES = 50;
/** How long "Deleted … Undo" can be undone before the task is deleted for good. */
export const DELETE_UNDO_MS = 10_000;

/** The filter as the server takes it: only what is set. */
export function filterInput(filter: ListFilter) {
  const text = filter.text.trim();
  return { tag: filter.tag || null, priority: filter.priority ?? null, text: text || null };
}

export type ReminderDraft = { remindAt: string; offsetMinutes?: undefined } | { offsetMinutes: number; remindAt?: undefined };

/**
 * Every open task matching the filter, and what the Tasks page does to them. Each change starts from the task the
 * server returned (`withTask`). A deleted task is first cancelled (it leaves every list at once, on every device)
 * and deleted for good once Undo is no longer offered.
 */
export function useTaskList(client: GraphQLClient, filter: ListFilter, today: string, timeZone: string) {
  const [tasks, setTasks] = useState<Task[] | null>(null);
  const [load, setLoad] = useState<LoadState>('loading');
  const { busy, status, say, dismiss, exclusive } = useTaskRequests();
  const loadSeq = useRef(0);
  const tasksRef = useRef<Task[] | null>(null);
  const pendingDeletes = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const key = JSON.stringify(filterInput(filter));

  const put = useCallback((update: (tasks: Task[]) => Task[]) => {
    setTasks((current) => {
      const next = current ? update(current) : current;
      tasksRef.current = next;
      return next;
    });
  }, []);
  const upsert = useCallback((task: Task) => put((list) => withTask(list, task)), [put]);

  const reload = useCallback(async () => {
    const seq = ++loadSeq.current;
    if (!tasksRef.current) setLoad('loading');
    const all: Task[] = [];
    let after: string | null = null;
    for (let page = 0; page < MAX_PAGES; page++) {
      const result: GraphQLResult<TaskListQuery> = await client.request(TASK_LIST, { status: 'OPEN', filter: JSON.parse(key), first: PAGE, after });
      if (seq !== loadSeq.current) return;
      if (result.kind !== 'ok' || !result.data.tasks) {
        if (!tasksRef.current) setLoad('failed');
        return;
      }
      all.push(...result.data.tasks.edges.map((e) => e.node));
      if (!result.data.tasks.pageInfo.hasNextPage) break;
      after = result.data.tasks.pageInfo.endCursor;
    }
    tasksRef.current = all;
    setTasks(all);
    setLoad('ready');
  }, [client, key]);

  useEffect(() => {
    void reload();
  }, [reload]);

  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') void reload();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [reload]);

  const deleteForGood = useCallback(
    (id: string) => {
      const timer = pendingDeletes.current.get(id);
      if (timer === undefined) return;
      clearTimeout(timer);
      pendingDeletes.current.delete(id);
      void client.request(DELETE_TASK, { input: { id } });
    },
    [client],
  );

  // Leaving the page ends the time to undo: what was deleted is deleted for good.
  useEffect(() => {
    const pending = pendingDeletes.current;
    return () => {
      for (const id of [...pending.keys()]) deleteForGood(id);
    };
  }, [deleteForGood]);

  /** Opens a done (or deleted) task again; true when it is open. */
  const reopen = useCallback(
    (task: Task, message: 'reopened' | 'restored' = 'reopened'): Promise<boolean> => {
      let ok = false;
      return exclusive(task.id, async () => {
        const outcome = outcomeOf(await client.request(REOPEN_TASK, { input: { id: task.id } }), (d) => d.reopenTask);
        if (!outcome.ok) return say(outcome.message);
        upsert(outcome.task);
        ok = true;
        say(i18n.t(`tasks.${message}`, { title: outcome.task.title }));
      }).then(() => ok);
    },
    [client, exclusive, say, upsert],
  );

  const complete = useCallback(
    (task: Task) =>
      exclusive(task.id, async () => {
        const result = await client.request(COMPLETE_TASK, { input: { id: task.id } });
        const outcome = outcomeOf(result, (d) => d.completeTask);
        if (!outcome.ok) return say(result.kind === 'ok' ? outcome.message : i18n.t('tasks.notTicked', { failure: outcome.message, title: task.title }));
        const done = outcome.task;
        upsert(done);
        if (done.status === 'OPEN') {
          const next = dueWords(done, today, timeZone);
          say(next ? i18n.t('tasks.doneForNowNext', { title: done.title, next }) : i18n.t('tasks.doneForNow', { title: done.title }));
        } else {
          say(i18n.t('tasks.done', { title: done.title }), { label: i18n.t('common.undo'), taskId: done.id, run: () => void reopen(done) });
        }
      }),
    [client, exclusive, reopen, say, upsert, today, timeZone],
  );

  const snooze = useCallback(
    (task: Task, to: SnoozeTo) =>
      exclusive(task.id, async () => {
        const input = typeof to === 'string' ? snoozeInput(to, today, timeZone) : to;
        const outcome = outcomeOf(await client.request(SNOOZE_TASK, { input: { id: task.id, ...input } }), (d) => d.snoozeTask);
        if (!outcome.ok) return say(outcome.message);
        upsert(outcome.task);
        say(snoozedMessage(outcome.task, today, timeZone));
      }),
    [client, exclusive, say, upsert, today, timeZone],
  );

  const wake = useCallback(
    (task: Task) =>
      exclusive(task.id, async () => {
        const outcome = outcomeOf(await client.request(UNSNOOZE_TASK, { input: { id: task.id } }), (d) => d.unsnoozeTask);
        if (!outcome.ok) return say(outcome.message);
        upsert(outcome.task);
        say(i18n.t('tasks.woken', { title: outcome.task.title }));
      }),
    [client, exclusive, say, upsert],
  );

  const breakDown = useCallback(
    (task: Task): Promise<boolean> => {
      let ok = false;
      return exclusive(task.id, async () => {
        const outcome = outcomeOf(await client.request(BREAK_DOWN_TASK, { input: { id: task.id } }), (d) => d.breakDownTask);
        if (!outcome.ok) return say(outcome.message);
        upsert(outcome.task);
        ok = true;
        say(i18n.t('tasks.brokenDown', { title: task.title, count: outcome.task.subtasks.length }));
      }).then(() => ok);
    },
    [client, exclusive, say, upsert],
  );

  /** The step as the server returned it, in its parent. */
  const stepChanged = useCallback(
    (parentId: string, step: Step | null, removedId?: string) =>
      put((list) =>
        list.map((t) => {
          if (t.id !== parentId) return t;
          const kept = t.subtasks.filter((s) => s.id !== removedId);
          if (!step) return { ...t, subtasks: kept };
          const index = kept.findIndex((s) => s.id === step.id);
          return { ...t, subtasks: index < 0 ? [...kept, step] : kept.map((s) => (s.id === step.id ? step : s)) };
        }),
      ),
    [put],
  );

  const toggleStep = useCallback(
    (parent: Task, step: Step) =>
      exclusive(step.id, async () => {
        const done = step.status === 'DONE';
        const outcome = done
          ? outcomeOf(await client.request(REOPEN_STEP, { input: { id: step.id } }), (d) => d.reopenTask)
          : outcomeOf(await client.request(COMPLETE_STEP, { input: { id: step.id } }), (d) => d.completeTask);
        if (!outcome.ok) return say(outcome.message);
        stepChanged(parent.id, outcome.task);
        const steps = (tasksRef.current?.find((t) => t.id === parent.id) ?? parent).subtasks;
        const left = steps.filter((s) => s.status !== 'DONE').length;
        if (done) say(i18n.t('tasks.stepOpen', { title: outcome.task.title }));
        else if (left === 0) say(i18n.t('tasks.allStepsDone', { title: parent.title }));
        else say(i18n.t('tasks.stepDone', { count: left }));
      }),
    [client, exclusive, say, stepChanged],
  );

  /** Saves the fields given; answers the problem to show next to the form, or null when saved. */
  const update = useCallback(
    async (task: Task, changes: Omit<UpdateTaskInput, 'id'>): Promise<string | null> => {
      let problem: string | null = null;
      await exclusive(task.id, async () => {
        const outcome = outcomeOf(await client.request(UPDATE_TASK, { input: { id: task.id, ...changes } }), (d) => d.updateTask);
        if (!outcome.ok) {
          problem = outcome.message;
          return;
        }
        upsert(outcome.task);
        say(i18n.t('tasks.updated', { title: outcome.task.title }));
      });
      return problem;
    },
    [client, exclusive, say, upsert],
  );

  const addStep = useCallback(
    async (parent: Task, title: string): Promise<string | null> => {
      const outcome = outcomeOf(await client.request(ADD_STEP, { input: { title, parentId: parent.id } }), (d) => d.createTask);
      if (!outcome.ok) return outcome.message;
      stepChanged(parent.id, outcome.task);
      return null;
    },
    [client, stepChanged],
  );

  const removeStep = useCallback(
    async (parent: Task, step: Step): Promise<string | null> => {
      const result = await client.request(DELETE_TASK, { input: { id: step.id } });
      if (result.kind !== 'ok') return failureMessage(result);
      if (!result.data.deleteTask.deletedTaskId) return userErrorMessage(result.data.deleteTask.userErrors);
      stepChanged(parent.id, null, step.id);
      return null;
    },
    [client, stepChanged],
  );

  const addReminder = useCallback(
    async (task: Task, reminder: ReminderDraft & { channels: Reminder['channels'] }): Promise<string | null> => {
      const outcome = outcomeOf(await client.request(ADD_REMINDER, { input: { taskId: task.id, reminder } }), (d) => d.addReminder);
      if (!outcome.ok) return outcome.message;
      upsert(outcome.task);
      return null;
    },
    [client, upsert],
  );

  const removeReminder = useCallback(
    async (reminder: Reminder): Promise<string | null> => {
      const outcome = outcomeOf(await client.request(REMOVE_REMINDER, { input: { id: reminder.id } }), (d) => d.removeReminder);
      if (!outcome.ok) return outcome.message;
      upsert(outcome.task);
      return null;
    },
    [client, upsert],
  );

  /** Deletes with Undo: cancelled now (gone from every list), deleted for good when Undo is no longer offered. */
  const remove = useCallback(
    (task: Task) =>
      exclusive(task.id, async () => {
        const outcome = outcomeOf(await client.request(CANCEL_TASK, { input: { id: task.id } }), (d) => d.cancelTask);
        if (!outcome.ok) return say(outcome.message);
        upsert(outcome.task);
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
            void reopen(outcome.task, 'restored');
          },
        });
      }),
    [client, deleteForGood, exclusive, reopen, say, upsert],
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
