import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from '../i18n';
import { PATHS } from '../lib/router';
import type { Step, Task } from './api';
import { StatusToast } from './StatusToast';
import { checkboxId, TaskItem } from './TaskItem';
import { isClear, type Section, type TodayModel } from './todayModel';
import type { LoadState, SnoozeTo, StatusMessage } from './useTaskRequests';

/** Where focus goes once the list has changed, so keyboard users never land on nothing. */
type PendingFocus =
  | { kind: 'task'; id: string }
  | { kind: 'stepsOf'; id: string }
  | { kind: 'afterRemoval'; id: string; candidates: string[] };

interface TodayTasksProps {
  model: TodayModel | null;
  load: LoadState;
  busy: ReadonlySet<string>;
  status: StatusMessage | null;
  onRetry: () => void;
  onComplete: (task: Task) => Promise<void>;
  onToggleStep: (task: Task, step: Step) => Promise<void>;
  onSnooze: (task: Task, to: SnoozeTo) => Promise<void>;
  onBreakDown: (task: Task) => Promise<boolean>;
  onDismissStatus: () => void;
  /** Focus the capture box (when the list has nothing left to focus). */
  focusCapture: () => void;
}

export function TodayTasks(props: TodayTasksProps) {
  const { model, load, busy, status, onRetry, onDismissStatus, focusCapture } = props;
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [pendingFocus, setPendingFocus] = useState<PendingFocus | null>(null);

  useEffect(() => {
    if (!pendingFocus || !model) return;
    const byId = (id: string) => document.getElementById(checkboxId(id));
    if (pendingFocus.kind === 'task') {
      const el = byId(pendingFocus.id);
      if (el) {
        el.focus();
        setPendingFocus(null);
      }
    } else if (pendingFocus.kind === 'stepsOf') {
      const first = model.dueToday
        .concat(model.overdue, model.later)
        .find((t) => t.id === pendingFocus.id)?.subtasks[0];
      const el = first ? byId(first.id) : null;
      if (el) {
        el.focus();
        setPendingFocus(null);
      }
    } else if (!byId(pendingFocus.id)) {
      const active = document.activeElement;
      if (!active || active === document.body) {
        const next = pendingFocus.candidates.map(byId).find((el): el is HTMLElement => el !== null);
        if (next) next.focus();
        else focusCapture();
      }
      setPendingFocus(null);
    }
  }, [model, pendingFocus, focusCapture]);

  const toast = (
    <StatusToast
      status={status}
      onDismiss={onDismissStatus}
      onUndo={(undo) => {
        setPendingFocus({ kind: 'task', id: undo.taskId });
        undo.run();
      }}
    />
  );

  if (!model) {
    return (
      <>
      <section className="today__tasks card" aria-labelledby="today-tasks-heading" aria-busy={load === 'loading'}>
        <h2 id="today-tasks-heading" className="tasks__heading">
          {t('today.heading')}
        </h2>
        {load === 'failed' ? (
          <div className="tasks__problem">
            <p>{t('today.loadFailed')}</p>
            <button type="button" className="button button--quiet" onClick={onRetry}>
              {t('common.tryAgain')}
            </button>
          </div>
        ) : (
          <p className="tasks__loading">
            <span className="restoring__dot" aria-hidden="true" /> {t('today.loading')}
          </p>
        )}
      </section>
      {toast}
      </>
    );
  }

  const visibleIds = [...model.dueToday, ...model.overdue, ...model.later].map((t) => t.id);
  /** The tasks to focus if `id` leaves the list: the next ones, then the previous ones. */
  const neighbours = (id: string) => {
    const i = visibleIds.indexOf(id);
    return [...visibleIds.slice(i + 1), ...visibleIds.slice(0, i).reverse()];
  };

  const complete = async (task: Task) => {
    setPendingFocus({ kind: 'afterRemoval', id: task.id, candidates: neighbours(task.id) });
    await props.onComplete(task);
  };
  const snooze = async (task: Task, to: SnoozeTo) => {
    setPendingFocus({ kind: 'afterRemoval', id: task.id, candidates: neighbours(task.id) });
    await props.onSnooze(task, to);
  };
  const breakDown = async (task: Task) => {
    if (await props.onBreakDown(task)) setPendingFocus({ kind: 'stepsOf', id: task.id });
  };

  const item = (task: Task, section: Section) => (
    <TaskItem
      key={task.id}
      task={task}
      dueTone={section === 'dueToday' ? 'today' : section === 'overdue' ? 'past' : 'any'}
      today={model.date}
      timeZone={model.timeZone}
      doneForNow={model.doneForNow.includes(task.id)}
      busy={busy}
      onComplete={complete}
      onToggleStep={props.onToggleStep}
      onSnooze={section === 'overdue' ? snooze : undefined}
      onBreakDown={section === 'overdue' ? breakDown : undefined}
      onTag={(tag) => void navigate(`${PATHS.tasks}?tag=${encodeURIComponent(tag)}`)}
    />
  );

  const open = model.dueToday.filter((t) => !model.doneForNow.includes(t.id)).length;
  return (
    <>
      <section className="today__tasks card" aria-labelledby="today-tasks-heading">
        <div className="tasks__header">
          <h2 id="today-tasks-heading" className="tasks__heading">
            {t('today.heading')}
          </h2>
          {open > 0 ? <span className="tasks__count">{t('today.toDo', { count: open })}</span> : null}
          <Link className="tasks__all" to={PATHS.tasks}>
            {t('today.allTasks')}
          </Link>
        </div>
        {model.dueToday.length > 0 ? (
          <>
            <ul className="tasks">{model.dueToday.map((t) => item(t, 'dueToday'))}</ul>
            {isClear(model) ? <p className="tasks__clear">{t('today.clear')}</p> : null}
          </>
        ) : (
          <div className="empty-state">
            <svg className="empty-state__art" viewBox="0 0 64 64" aria-hidden="true" focusable="false">
              <circle cx="32" cy="32" r="28" className="empty-state__halo" />
              <path d="M20 36c4 6 20 6 24 0" className="empty-state__line" />
              <circle cx="24" cy="27" r="2.5" className="empty-state__dot" />
              <circle cx="40" cy="27" r="2.5" className="empty-state__dot" />
            </svg>
            <p className="empty-state__title">{t('today.emptyTitle')}</p>
            <p className="empty-state__text">{t('today.emptyText')}</p>
          </div>
        )}
      </section>

      {model.overdue.length > 0 ? (
        <section className="today__earlier card card--soft" aria-labelledby="today-earlier-heading">
          <h2 id="today-earlier-heading" className="tasks__heading">
            {t('today.earlierHeading')}
          </h2>
          <p className="tasks__lead">{t('today.earlierLead')}</p>
          <ul className="tasks">{model.overdue.map((t) => item(t, 'overdue'))}</ul>
        </section>
      ) : null}

      {model.later.length > 0 ? (
        <section className="today__later card card--soft" aria-labelledby="today-later-heading">
          <h2 id="today-later-heading" className="tasks__heading">
            {t('today.laterHeading')}
          </h2>
          <p className="tasks__lead">
            {t('today.laterLead')} <Link to={PATHS.tasks}>{t('today.laterLink')}</Link>
          </p>
          <ul className="tasks">{model.later.map((t) => item(t, 'later'))}</ul>
        </section>
      ) : null}

      {toast}
    </>
  );
}
