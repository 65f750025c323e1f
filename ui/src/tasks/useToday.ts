import { useCallback, useEffect, useRef, useState } from 'react';
import type { GraphQLClient } from '../graphql/client';
import { i18n } from '../i18n';
import type { Step, Task } from './api';
import { dueWords } from './format';
import { snoozeInput } from './snooze';
import { findTask, initialModel, todayReducer, type TodayAction, type TodayModel } from './todayModel';
import { useTodayQuery } from './taskQueries';
import { completedMessage, notTickedMessage, useTaskWrites, writeProblem } from './taskWrites';
import { snoozedMessage, useTaskRequests, type LoadState, type SnoozeTo } from './useTaskRequests';

/**
 * The Today list: today's lists from the query cache for the person's `day` (a new day is a new read), with what
 * this visit added kept on top of them through {@link todayReducer} (captures for later, recurring tasks done for
 * now). Each write goes through the cache, so the Tasks and Week pages see it too. `busy` holds the ids of tasks and
 * steps with a request in flight (their controls ignore clicks until it ends).
 */
export function useToday(client: GraphQLClient, day: string) {
  const query = useTodayQuery(client, day);
  const writes = useTaskWrites(client);
  const [model, setModel] = useState<TodayModel | null>(() => (query.data ? initialModel(query.data) : null));
  const { busy, status, say, dismiss, exclusive } = useTaskRequests();
  const modelRef = useRef<TodayModel | null>(model);
  const load: LoadState = model ? 'ready' : query.status === 'error' && !query.isFetching ? 'failed' : 'loading';

  const dispatch = useCallback((action: TodayAction) => {
    setModel((current) => {
      const next = current ? todayReducer(current, action) : action.type === 'loaded' ? initialModel(action.data) : current;
      modelRef.current = next;
      return next;
    });
  }, []);

  // Every answer the cache holds (a read, or a write made on any page) is laid over what this visit added.
  const data = query.data;
  useEffect(() => {
    if (data) dispatch({ type: 'loaded', data });
  }, [data, dispatch]);

  const { refetch } = query;
  const reload = useCallback(() => refetch().then(() => undefined), [refetch]);

  const captured = useCallback(
    (task: Task) => {
      dispatch({ type: 'captured', task });
      const m = modelRef.current;
      const due = m ? dueWords(task, m.date, m.timeZone) : null;
      say(due ? i18n.t('tasks.savedFor', { title: task.title, due }) : i18n.t('tasks.saved', { title: task.title }));
    },
    [dispatch, say],
  );

  const { mutateAsync: reopenTask } = writes.reopen;
  const reopen = useCallback(
    (task: Task) =>
      exclusive(task.id, async () => {
        try {
          const reopened = await reopenTask(task.id);
          dispatch({ type: 'reopened', task: reopened });
          say(i18n.t('tasks.reopened', { title: reopened.title }));
        } catch (error) {
          say(writeProblem(error));
        }
      }),
    [dispatch, exclusive, reopenTask, say],
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
        dispatch({ type: 'completed', task: done });
        const m = modelRef.current;
        const { text, undo } = completedMessage(done, m ? { today: m.date, timeZone: m.timeZone } : null, (t) => void reopen(t));
        say(text, undo);
      }),
    [completeTask, dispatch, exclusive, reopen, say],
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
        dispatch({ type: 'stepChanged', parentId: parent.id, step: changed });
        const current = (modelRef.current && findTask(modelRef.current, parent.id)?.task) || parent;
        const steps = current.subtasks.map((s) => (s.id === changed.id ? changed : s));
        const left = steps.filter((s) => s.status !== 'DONE').length;
        if (done) say(i18n.t('tasks.stepOpen', { title: changed.title }));
        else if (steps.length > 0 && left === 0) say(i18n.t('tasks.allStepsDone', { title: parent.title }));
        else say(i18n.t('tasks.stepDone', { count: left }));
      }),
    [completeStep, dispatch, exclusive, reopenStep, say],
  );

  const { mutateAsync: snoozeTask } = writes.snooze;
  const snooze = useCallback(
    (task: Task, to: SnoozeTo) =>
      exclusive(task.id, async () => {
        const m = modelRef.current;
        if (!m) return;
        const input = typeof to === 'string' ? snoozeInput(to, m.date, m.timeZone) : to;
        try {
          const snoozed = await snoozeTask({ id: task.id, ...input });
          dispatch({ type: 'snoozed', task: snoozed });
          say(snoozedMessage(snoozed, m.date, m.timeZone));
        } catch (error) {
          say(writeProblem(error));
        }
      }),
    [dispatch, exclusive, say, snoozeTask],
  );

  const { mutateAsync: breakDownTask } = writes.breakDown;
  const breakDown = useCallback(
    (task: Task): Promise<boolean> => {
      let ok = false;
      return exclusive(task.id, async () => {
        try {
          const broken = await breakDownTask(task.id);
          dispatch({ type: 'updated', task: broken });
          ok = true;
          say(i18n.t('tasks.brokenDown', { title: task.title, count: broken.subtasks.length }));
        } catch (error) {
          say(writeProblem(error));
        }
      }).then(() => ok);
    },
    [breakDownTask, dispatch, exclusive, say],
  );

  return { model, load, busy, status, reload, captured, complete, reopen, toggleStep, snooze, breakDown, dismiss };
}
