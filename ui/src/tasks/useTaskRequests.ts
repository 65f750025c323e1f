// What the Today and Tasks pages share around their requests: one request per task at a time (`busy`), the polite
// status line (some lines offer Undo), and the words for a write that did not happen.
import { useCallback, useRef, useState } from 'react';
import type { GraphQLFailure } from '../graphql/client';
import type { UserError } from '../graphql/operations';
import { i18n } from '../i18n';
import { genericMessage, offlineMessage } from '../lib/formErrors';
import type { Task } from './api';
import { reminderWords } from './format';
import type { SnoozeChoice } from './snooze';

/** A calm line at the bottom of the screen, announced politely; some offer to undo what just happened. */
export interface StatusMessage {
  id: number;
  text: string;
  undo?: { label: string; taskId: string; run: () => void };
}

export type LoadState = 'loading' | 'ready' | 'failed';

/** A snooze menu's choice, or a time picked (an instant). */
export type SnoozeTo = SnoozeChoice | { until: string };

export function failureMessage(failure: GraphQLFailure): string {
  return failure.kind === 'network' ? offlineMessage() : genericMessage();
}

export function userErrorMessage(userErrors: UserError[]): string {
  return userErrors.map((e) => e.message).join(' ') || genericMessage();
}

/** What a snoozed task's message says: "Call mom is resting until tomorrow 9:00 AM. It will come back on its own." */
export function snoozedMessage(task: Task, today: string, timeZone: string): string {
  const until = task.snoozedUntil;
  return until
    ? i18n.t('tasks.snoozedUntil', { title: task.title, when: reminderWords(until, today, timeZone) })
    : i18n.t('tasks.snoozedForNow', { title: task.title });
}

/** `busy` holds the ids of tasks and steps with a request in flight: their controls ignore clicks until it ends. */
export function useTaskRequests() {
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const [status, setStatus] = useState<StatusMessage | null>(null);
  const messageSeq = useRef(0);
  const busyRef = useRef(new Set<string>());

  const say = useCallback((text: string, undo?: StatusMessage['undo']) => {
    messageSeq.current += 1;
    setStatus({ id: messageSeq.current, text, undo });
  }, []);

  const dismiss = useCallback(() => setStatus(null), []);

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

  return { busy, status, say, dismiss, exclusive };
}
