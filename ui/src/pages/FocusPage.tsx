import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useSession } from '../auth/SessionContext';
import { AppShell } from '../components/AppShell';
import { PageHeading } from '../components/PageHeading';
import { FOCUS_TASK, RECORD_FOCUS_SESSION } from '../focus/api';
import { clampMinutes, clockFace, DEFAULT_MINUTES, MAX_MINUTES, MIN_MINUTES, secondsLeft, STEP_MINUTES } from '../focus/timer';
import type { User } from '../graphql/operations';
import { useTranslation } from '../i18n';
import { useDocumentTitle, useFocusOnNavigation } from '../lib/focus';
import { PATHS } from '../lib/router';
import { queryFailureMessage, useGraphQLQuery } from '../graphql/query';
import { queryKeys } from '../graphql/queryKeys';
import { showBrowserNotification } from '../notifications/browserNotifications';
import type { Task } from '../tasks/api';
import { useTaskWrites, writeProblem } from '../tasks/taskWrites';

type Phase = { kind: 'setup' } | { kind: 'running'; endsAt: number; minutes: number } | { kind: 'checkin'; minutes: number };

const TICK_MS = 1000;

/** The page of one task's focus timer (the address names the task). */
export function FocusPage({ user }: { user: User }) {
  const { t } = useTranslation();
  const { taskId = '' } = useParams();
  const session = useSession();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const query = useGraphQLQuery(session.client, queryKeys.tasks.one(taskId), FOCUS_TASK, { id: taskId });
  useDocumentTitle(t('focus.title'));
  useFocusOnNavigation(headingRef);
  const loaded = query.state.status === 'ready' ? query.state.data.node : null;
  const task = loaded && 'title' in loaded ? (loaded as Task) : null;

  return (
    <AppShell user={user} current="tasks" mainClassName="app-main focus-page">
      <PageHeading ref={headingRef}>{t('focus.title')}</PageHeading>
      {query.state.status === 'loading' ? (
        <p className="tasks__loading" role="status">
          <span className="restoring__dot" aria-hidden="true" /> {t('tasksPage.loading')}
        </p>
      ) : query.state.status === 'failed' ? (
        <p className="card tasks__problem">{queryFailureMessage(query.state.failure)}</p>
      ) : !task ? (
        <div className="card tasks__problem">
          <p>{t('focus.notFound')}</p>
          <Link to={PATHS.tasks}>{t('focus.backToTasks')}</Link>
        </div>
      ) : (
        <FocusTimer initial={task} />
      )}
    </AppShell>
  );
}

function FocusTimer({ initial }: { initial: Task }) {
  const { t } = useTranslation();
  const id = useId();
  const session = useSession();
  const queryClient = useQueryClient();
  const writes = useTaskWrites(session.client);
  const navigate = useNavigate();
  const [task, setTask] = useState(initial);
  const [minutes, setMinutes] = useState(DEFAULT_MINUTES);
  const [phase, setPhase] = useState<Phase>({ kind: 'setup' });
  const [now, setNow] = useState(() => Date.now());
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const checkinRef = useRef<HTMLHeadingElement>(null);
  const step = task.subtasks.find((s) => s.status !== 'DONE') ?? null;

  const finish = useCallback(
    async (ran: number) => {
      setPhase({ kind: 'checkin', minutes: ran });
      showBrowserNotification(`focus-${task.id}`, t('focus.timeUpTitle'), task.title);
      const result = await session.client.request(RECORD_FOCUS_SESSION, { input: { taskId: task.id, minutes: ran } });
      const saved = result.kind === 'ok' && result.data.recordFocusSession.focusSession;
      // Focus minutes count in the insights.
      if (saved) void queryClient.invalidateQueries({ queryKey: queryKeys.insights.all, refetchType: 'none' });
      setMessage(saved ? t('focus.recorded', { count: ran }) : t('focus.notRecorded'));
    },
    [queryClient, session.client, task.id, task.title, t],
  );

  // The clock is read on every tick (not counted down), so a throttled background tab still ends on time.
  useEffect(() => {
    if (phase.kind !== 'running') return;
    const timer = setInterval(() => {
      const current = Date.now();
      setNow(current);
      if (current >= phase.endsAt) {
        clearInterval(timer);
        void finish(phase.minutes);
      }
    }, TICK_MS);
    return () => clearInterval(timer);
  }, [phase, finish]);

  useEffect(() => {
    if (phase.kind === 'checkin') checkinRef.current?.focus();
  }, [phase.kind]);

  const start = (length: number) => {
    setMessage(null);
    setNow(Date.now());
    setPhase({ kind: 'running', endsAt: Date.now() + length * 60_000, minutes: length });
  };

  const run = async (work: () => Promise<string | null>) => {
    if (busy) return;
    setBusy(true);
    try {
      const problem = await work();
      if (problem) setMessage(problem);
    } finally {
      setBusy(false);
    }
  };

  const completeStep = () =>
    run(async () => {
      if (!step) return null;
      try {
        const { step: done } = await writes.completeStep.mutateAsync({ parentId: task.id, id: step.id });
        setTask((current) => ({ ...current, subtasks: current.subtasks.map((s) => (s.id === done.id ? done : s)) }));
        return null;
      } catch (error) {
        return writeProblem(error);
      }
    });

  const completeTask = () =>
    run(async () => {
      try {
        await writes.complete.mutateAsync(task.id);
        void navigate(PATHS.tasks);
        return null;
      } catch (error) {
        return writeProblem(error);
      }
    });

  const breakDown = () =>
    run(async () => {
      try {
        setTask(await writes.breakDown.mutateAsync(task.id));
        setPhase({ kind: 'setup' });
        return null;
      } catch (error) {
        return writeProblem(error);
      }
    });

  const current = (
    <div className="focus__current">
      <p className="focus__task">{task.title}</p>
      {step ? (
        <>
          <p className="focus__label">{t('focus.currentStep')}</p>
          <p className="focus__step">{step.title}</p>
        </>
      ) : null}
    </div>
  );

  if (phase.kind === 'running') {
    const left = secondsLeft(phase.endsAt, now);
    return (
      <section className="card focus" aria-labelledby={`${id}-running`}>
        <h2 className="visually-hidden" id={`${id}-running`}>
          {t('focus.running')}
        </h2>
        {current}
        <p className="focus__clock" role="timer" aria-label={t('focus.timeLeft')}>
          {clockFace(left)}
        </p>
        <div className="focus__actions">
          {step ? (
            <button type="button" className="button button--primary" aria-disabled={busy || undefined} onClick={() => void completeStep()}>
              {t('focus.stepDone')}
            </button>
          ) : null}
          <button type="button" className="button button--quiet" onClick={() => setPhase({ kind: 'setup' })}>
            {t('focus.stop')}
          </button>
        </div>
        {message ? <p role="status">{message}</p> : null}
      </section>
    );
  }

  if (phase.kind === 'checkin') {
    return (
      <section className="card focus" aria-labelledby={`${id}-checkin`}>
        <h2 className="focus__checkin" id={`${id}-checkin`} ref={checkinRef} tabIndex={-1}>
          {t('focus.checkin', { count: phase.minutes })}
        </h2>
        {current}
        <p role="status">{message}</p>
        <div className="focus__actions">
          <button type="button" className="button button--primary" aria-disabled={busy || undefined} onClick={() => void completeTask()}>
            {t('focus.done')}
          </button>
          <button type="button" className="button button--quiet" onClick={() => start(phase.minutes)}>
            {t('focus.again')}
          </button>
          {task.subtasks.length === 0 ? (
            <button type="button" className="button button--quiet" aria-disabled={busy || undefined} onClick={() => void breakDown()}>
              {t('focus.breakDown')}
            </button>
          ) : null}
          <Link className="button button--quiet" to={PATHS.tasks}>
            {t('focus.pause')}
          </Link>
        </div>
      </section>
    );
  }

  return (
    <section className="card focus" aria-labelledby={`${id}-setup`}>
      <h2 className="visually-hidden" id={`${id}-setup`}>
        {t('focus.setup')}
      </h2>
      {current}
      <form
        className="focus__setup"
        onSubmit={(e) => {
          e.preventDefault();
          start(clampMinutes(minutes));
        }}
      >
        <label className="field__label" htmlFor={`${id}-minutes`}>
          {t('focus.length')}
        </label>
        <div className="focus__length">
          <input
            id={`${id}-minutes`}
            type="range"
            min={MIN_MINUTES}
            max={MAX_MINUTES}
            step={STEP_MINUTES}
            value={minutes}
            aria-valuetext={t('focus.minutes', { count: minutes })}
            onChange={(e) => setMinutes(clampMinutes(Number(e.target.value)))}
          />
          <output htmlFor={`${id}-minutes`} className="focus__minutes">
            {t('focus.minutes', { count: minutes })}
          </output>
        </div>
        <button type="submit" className="button button--primary">
          {t('focus.start')}
        </button>
      </form>
      {message ? <p role="status">{message}</p> : null}
    </section>
  );
}
