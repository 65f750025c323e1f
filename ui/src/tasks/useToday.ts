import { useCallback, useEffect, useRef, useState } from 'react';
import type { GraphQLClient, GraphQLFailure } from '../graphql/client';
import type { UserError } from '../graphql/operations';
import { GENERIC_MESSAGE, OFFLINE_MESSAGE } from '../lib/formErrors';
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
import { addDays, dueWords, timeOfDay, zonedInstant } from './format';
import { findTask, initialModel, todayReducer, type TodayAction, type TodayModel } from './todayModel';

/** A calm line at the bottom of the screen, announced politely; some offer to undo what just happened. */
export interface StatusMessage {
  id: number;
  text: string;
  undo?: { label: string; taskId: string; run: () => void };
}

export type LoadState = 'loading' | 'ready' | 'failed';

/** The hour a "tomorrow morning" snooze ends, in the person's zone. */
export const MORNING_HOUR = 9;

export type SnoozeChoice = 'hour' | 'morning';

export function failureMessage(failure: GraphQLFailure): string {
  return failure.kind === 'network' ? OFFLINE_MESSAGE : GENERIC_MESSAGE;
}

export function userErrorMessage(userErrors: UserError[]): string {
  return userErrors.map((e) => e.message).join(' ') || GENERIC_MESSAGE;
}

const quoted = (title: string) => `“${title}”`;

/**
 * The Today list: loads `today`, then applies each mutation's answer through {@link todayReducer}. `busy` holds the ids
 * of tasks and steps with a request in flight (their controls ignore clicks until it ends). `day` is the person's
 * current calendar day: when it changes, the list is loaded again.
 */
export function useToday(client: GraphQLClient, day: string) {
  const [model, setModel] = useState<TodayModel | null>(null);
  const [load, setLoad] = useState<LoadState>('loading');
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const [status, setStatus] = useState<StatusMessage | null>(null);
  const modelRef = useRef<TodayModel | null>(null);
  const loadSeq = useRef(0);
  const messageSeq = useRef(0);
  const busyRef = useRef(new Set<string>());

  const dispatch = useCallback((action: TodayAction) => {
    setModel((current) => {
      const next = current ? todayReducer(current, action) : current;
      modelRef.current = next;
      return next;
    });
  }, []);

  const say = useCallback((text: string, undo?: StatusMessage['undo']) => {
    messageSeq.current += 1;
    setStatus({ id: messageSeq.current, text, undo });
  }, []);

  const dismiss = useCallback(() => setStatus(null), []);

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

  /** Runs `work` for `id` unless a request for it is already in flight. */
  const exclusive = useCallback(async (id: string, work: () => Promise<void>) => {
    if (busyRef.current.has(id)) return;
    busyRef.current.add(id);
    setBusy(new Set(busyRef.current));
    try {
      await work();
    } finally {
      busyRef.current.delete(id);
      setBusy(new Set(busyRef.current));
    }
  }, []);

  const captured = useCallback(
    (task: Task) => {
      dispatch({ type: 'captured', task });
      // Captured before the list could load: load it now, the new task with it.
      if (!modelRef.current) void reload();
      const m = modelRef.current;
      const due = m ? dueWords(task, m.date, m.timeZone) : null;
      say(due ? `Saved ${quoted(task.title)} for ${due}.` : `Saved ${quoted(task.title)}.`);
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
        say(`${quoted(payload.task.title)} is back on your list.`);
      }),
    [client, dispatch, exclusive, say],
  );

  const complete = useCallback(
    (task: Task) =>
      exclusive(task.id, async () => {
        const result = await client.request(COMPLETE_TASK, { input: { id: task.id } });
        if (result.kind !== 'ok') return say(`${failureMessage(result)} ${quoted(task.title)} isn’t ticked yet.`);
        const payload = result.data.completeTask;
        if (!payload.task) return say(userErrorMessage(payload.userErrors));
        const done = payload.task;
        dispatch({ type: 'completed', task: done });
        if (done.status === 'OPEN') {
          const m = modelRef.current;
          const next = m ? dueWords(done, m.date, m.timeZone) : null;
          say(next ? `Done for now. ${quoted(done.title)} comes back ${next}.` : `Done for now: ${quoted(done.title)}.`);
        } else {
          say(`Done: ${quoted(done.title)}. Nice.`, { label: 'Undo', taskId: done.id, run: () => void reopen(done) });
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
        if (done) say(`${quoted(payload.task.title)} is open again.`);
        else if (steps.length > 0 && left === 0) say(`Every step of ${quoted(parent.title)} is done. Tick the task too when you’re ready.`);
        else say(`Step done. ${left === 1 ? 'One step' : `${left} steps`} left.`);
      }),
    [client, dispatch, exclusive, say],
  );

  const snooze = useCallback(
    (task: Task, choice: SnoozeChoice) =>
      exclusive(task.id, async () => {
        const m = modelRef.current;
        const input =
          choice === 'hour' || !m
            ? { id: task.id, minutes: 60 }
            : { id: task.id, until: zonedInstant(addDays(m.date, 1), MORNING_HOUR, 0, m.timeZone) };
        const result = await client.request(SNOOZE_TASK, { input });
        if (result.kind !== 'ok') return say(failureMessage(result));
        const payload = result.data.snoozeTask;
        if (!payload.task) return say(userErrorMessage(payload.userErrors));
        dispatch({ type: 'snoozed', task: payload.task });
        const until = payload.task.snoozedUntil;
        const when =
          until && m
            ? choice === 'hour'
              ? `until ${timeOfDay(until, m.timeZone)}`
              : `until tomorrow, ${timeOfDay(until, m.timeZone)}`
            : 'for now';
        say(`${quoted(task.title)} is resting ${when}. It will come back on its own.`);
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
        say(`${quoted(task.title)} is now ${n} small steps. Start with the first one.`);
      }).then(() => ok);
    },
    [client, dispatch, exclusive, say],
  );

  return { model, load, busy, status, reload, captured, complete, reopen, toggleStep, snooze, breakDown, dismiss };
}
