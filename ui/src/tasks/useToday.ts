import { useCallback, useEffect, useRef, useState } from 'react';
import type { GraphQLClient } from '../graphql/client';
import { i18n } from '../i18n';
import {
  BREAK_DOWN_TASK,
  COMPLETE_STEP,
  COMPLETE_TASK,
  REOPEN_STEP,
  REOPEN_TASK,
  SNOOZE_TASK,
  TODAY,
  type Step,
  type Task,
} from './api';
import { dueWords } from './format';
import { snoozeInput } from './snooze';
import { findTask, initialModel, todayReducer, type TodayAction, type TodayModel } from './todayModel';
import { failureMessage, snoozedMessage, userErrorMessage, useTaskRequests, type LoadState, type SnoozeTo } from './useTaskRequests';

/**
 * The Today list: loads `today`, then applies each mutation's answer through {@link todayReducer}. `busy` holds the ids
 * of tasks and steps with a request in flight (their controls ignore clicks until it ends). `day` is the person's
 * current calendar day: when it changes, the list is loaded again.
 */
export function useToday(client: GraphQLClient, day: string) {
  const [model, setModel] = useState<TodayModel | null>(null);
  const [load, setLoad] = useState<LoadState>('loading');
  const { busy, status, say, dismiss, exclusive } = useTaskRequests();
  const modelRef = useRef<TodayModel | null>(null);
  const loadSeq = useRef(0);

  const dispatch = useCallback((action: TodayAction) => {
    setModel((current) => {
      const next = current ? todayReducer(current, action) : current;
      modelRef.current = next;
      return next;
    });
  }, []);

  const reload = useCallback(async () => {
    const seq = ++loadSeq.current;
    if (!modelRef.current) setLoad('loading');
    const result = await client.request(TODAY, {});
    if (seq !== loadSeq.current) return;
    if (result.kind !== 'ok' || !result.data.today) {
      // A failed refresh keeps what is on screen; only a first load shows the failure.
      if (!modelRef.current) setLoad('failed');
      return;
    }
    const data = result.data.today;
    setModel((current) => {
      const next = current ? todayReducer(current, { type: 'loaded', data }) : initialModel(data);
      modelRef.current = next;
      return next;
    });
    setLoad('ready');
  }, [client]);

  // Loads at start, again when the person's day changes (midnight), and when the page is looked at again.
  useEffect(() => {
    void reload();
  }, [reload, day]);

  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') void reload();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [reload]);

  const captured = useCallback(
    (task: Task) => {
      dispatch({ type: 'captured', task });
      // Captured before the list could load: load it now, the new task with it.
      if (!modelRef.current) void reload();
      const m = modelRef.current;
      const due = m ? dueWords(task, m.date, m.timeZone) : null;
      say(due ? i18n.t('tasks.savedFor', { title: task.title, due }) : i18n.t('tasks.saved', { title: task.title }));
    },
    [dispatch, reload, say],
  );

  const reopen = useCallback(
    (task: Task) =>
      exclusive(task.id, async () => {
        const result = await client.request(REOPEN_TASK, { input: { id: task.id } });
        if (result.kind !== 'ok') return say(failureMessage(result));
        const payload = result.data.reopenTask;
        if (!payload.task) return say(userErrorMessage(payload.userErrors));
        dispatch({ type: 'reopened', task: payload.task });
        say(i18n.t('tasks.reopened', { title: payload.task.title }));
      }),
    [client, dispatch, exclusive, say],
  );

  const complete = useCallback(
    (task: Task) =>
      exclusive(task.id, async () => {
        const result = await client.request(COMPLETE_TASK, { input: { id: task.id } });
        if (result.kind !== 'ok') return say(i18n.t('tasks.notTicked', { failure: failureMessage(result), title: task.title }));
        const payload = result.data.completeTask;
        if (!payload.task) return say(userErrorMessage(payload.userErrors));
        const done = payload.task;
        dispatch({ type: 'completed', task: done });
        if (done.status === 'OPEN') {
          const m = modelRef.current;
          const next = m ? dueWords(done, m.date, m.timeZone) : null;
          say(next ? i18n.t('tasks.doneForNowNext', { title: done.title, next }) : i18n.t('tasks.doneForNow', { title: done.title }));
        } else {
          say(i18n.t('tasks.done', { title: done.title }), { label: i18n.t('common.undo'), taskId: done.id, run: () => void reopen(done) });
        }
      }),
    [client, dispatch, exclusive, reopen, say],
  );

  const toggleStep = useCallback(
    (parent: Task, step: Step) =>
      exclusive(step.id, async () => {
        const done = step.status === 'DONE';
        const result = done
          ? await client.request(REOPEN_STEP, { input: { id: step.id } })
          : await client.request(COMPLETE_STEP, { input: { id: step.id } });
        if (result.kind !== 'ok') return say(failureMessage(result));
        const payload = 'reopenTask' in result.data ? result.data.reopenTask : result.data.completeTask;
        if (!payload.task) return say(userErrorMessage(payload.userErrors));
        dispatch({ type: 'stepChanged', parentId: parent.id, step: payload.task });
        const changed = payload.task;
        const current = (modelRef.current && findTask(modelRef.current, parent.id)?.task) || parent;
        const steps = current.subtasks.map((s) => (s.id === changed.id ? changed : s));
        const left = steps.filter((s) => s.status !== 'DONE').length;
        if (done) say(i18n.t('tasks.stepOpen', { title: payload.task.title }));
        else if (steps.length > 0 && left === 0) say(i18n.t('tasks.allStepsDone', { title: parent.title }));
        else say(i18n.t('tasks.stepDone', { count: left }));
      }),
    [client, dispatch, exclusive, say],
  );

  const snooze = useCallback(
    (task: Task, to: SnoozeTo) =>
      exclusive(task.id, async () => {
        const m = modelRef.current;
        if (!m) return;
        const input = typeof to === 'string' ? snoozeInput(to, m.date, m.timeZone) : to;
        const result = await client.request(SNOOZE_TASK, { input: { id: task.id, ...input } });
        if (result.kind !== 'ok') return say(failureMessage(result));
        const payload = result.data.snoozeTask;
        if (!payload.task) return say(userErrorMessage(payload.userErrors));
        dispatch({ type: 'snoozed', task: payload.task });
        say(snoozedMessage(payload.task, m.date, m.timeZone));
      }),
    [client, dispatch, exclusive, say],
  );

  const breakDown = useCallback(
    (task: Task): Promise<boolean> => {
      let ok = false;
      return exclusive(task.id, async () => {
        const result = await client.request(BREAK_DOWN_TASK, { input: { id: task.id } });
        if (result.kind !== 'ok') return say(failureMessage(result));
        const payload = result.data.breakDownTask;
        if (!payload.task) return say(userErrorMessage(payload.userErrors));
        dispatch({ type: 'updated', task: payload.task });
        ok = true;
        const n = payload.task.subtasks.length;
        say(i18n.t('tasks.brokenDown', { title: task.title, count: n }));
      }).then(() => ok);
    },
    [client, dispatch, exclusive, say],
  );

  return { model, load, busy, status, reload, captured, complete, reopen, toggleStep, snooze, breakDown, dismiss };
}
