import { lazy, Suspense, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from '../i18n';
import { focusPath } from '../lib/router';
import type { Step, Task } from './api';
import { dueWords, priorityWords, reminderWords, repeatWords } from './format';
import { CalendarIcon, MoonIcon, PriorityIcon, RepeatIcon, StepsIcon } from './icons';
import type { SnoozeTo } from './useTaskRequests';

// The snooze menu and its menu library load just after the list rather than with the first page (Today is in the
// initial bundle); until then a disabled look-alike button stands in its place.
const SnoozeMenu = lazy(() => import('./SnoozeMenu').then((m) => ({ default: m.SnoozeMenu })));

function SnoozeLoading({ title }: { title: string }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="link-button" aria-label={t('snooze.openFor', { title })} disabled>
      <MoonIcon />
      {t('snooze.open')}
    </button>
  );
}

export function checkboxId(taskId: string): string {
  return `task-check-${taskId}`;
}

/** How a task's due reads in its list: from an earlier day (amber), due on the list's day (time only), or any day. */
export type DueTone = 'past' | 'today' | 'any';

interface TaskItemProps {
  task: Task;
  dueTone: DueTone;
  today: string;
  timeZone: string;
  /** A recurring task whose occurrence was done during this visit: ticked, showing its next due. */
  doneForNow?: boolean;
  busy: ReadonlySet<string>;
  onComplete: (task: Task) => Promise<void>;
  onToggleStep: (task: Task, step: Step) => Promise<void>;
  /** "Break into steps" and "Snooze" under the task (Today's tasks from earlier, every task of the Tasks page). */
  onSnooze?: (task: Task, to: SnoozeTo) => Promise<void>;
  onBreakDown?: (task: Task) => Promise<unknown>;
  /** A snoozed task offers to wake it now. */
  onWake?: (task: Task) => Promise<void>;
  /** Opens the task's details (the title becomes a button). */
  onOpen?: (task: Task) => void;
  /** Tags become buttons that filter the list by them. */
  onTag?: (tag: string) => void;
  /** The list's keyboard cursor is on this task (j/k). */
  selected?: boolean;
}

export function TaskItem({
  task,
  dueTone,
  today,
  timeZone,
  doneForNow = false,
  busy,
  onComplete,
  onToggleStep,
  onSnooze,
  onBreakDown,
  onWake,
  onOpen,
  onTag,
  selected = false,
}: TaskItemProps) {
  const { t } = useTranslation();
  const [ticking, setTicking] = useState(false);
  const [breaking, setBreaking] = useState(false);
  const isBusy = busy.has(task.id);
  const checked = doneForNow || ticking;
  const snoozedUntil = task.snoozedUntil && Date.parse(task.snoozedUntil) > Date.now() ? task.snoozedUntil : null;

  const tick = async () => {
    if (doneForNow || isBusy) return;
    setTicking(true);
    try {
      await onComplete(task);
    } finally {
      setTicking(false);
    }
  };

  const breakDown = async () => {
    if (isBusy || !onBreakDown) return;
    setBreaking(true);
    try {
      await onBreakDown(task);
    } finally {
      setBreaking(false);
    }
  };

  const due = doneForNow ? null : dueWords(task, today, timeZone, { omitToday: dueTone === 'today' });
  const next = doneForNow ? dueWords(task, today, timeZone) : null;
  const priority = priorityWords(task.priority);
  const repeat = repeatWords(task.recurrence);
  const steps = task.subtasks;
  const stepsDone = steps.filter((s) => s.status === 'DONE').length;
  const metaId = `task-meta-${task.id}`;
  const showActions = !doneForNow && (onSnooze || onBreakDown || (snoozedUntil && onWake));

  return (
    <li
      className={`task${checked ? ' task--checked' : ''}${doneForNow ? ' task--done-for-now' : ''}${selected ? ' task--selected' : ''}`}
      data-task-id={task.id}
      aria-busy={isBusy || undefined}
    >
      <div className="task__row">
        <input
          id={checkboxId(task.id)}
          className="check"
          type="checkbox"
          checked={checked}
          onChange={() => void tick()}
          aria-label={onOpen ? t('taskItem.complete', { title: task.title }) : undefined}
          aria-describedby={metaId}
          aria-disabled={doneForNow || isBusy || undefined}
        />
        <div className="task__body">
          {onOpen ? (
            <button type="button" className="task__title task__title--button" onClick={() => onOpen(task)}>
              {task.title}
            </button>
          ) : (
            <label className="task__title" htmlFor={checkboxId(task.id)}>
              {task.title}
            </label>
          )}
          <p className="task__meta" id={metaId}>
            {doneForNow ? (
              <span className="chip chip--done">
                <RepeatIcon />
                {next ? t('taskItem.doneForTodayNext', { next }) : t('taskItem.doneForToday')}
              </span>
            ) : null}
            {due ? (
              <span className={dueTone === 'past' ? 'chip chip--past' : 'chip chip--due'}>
                <CalendarIcon />
                <span className="visually-hidden">{dueTone === 'past' ? t('taskItem.wasDue') : t('taskItem.due')}</span>
                {due}
              </span>
            ) : null}
            {!doneForNow && !task.dueDate && !task.dueAt ? <span className="chip chip--quiet">{t('taskItem.noDate')}</span> : null}
            {snoozedUntil ? (
              <span className="chip chip--quiet">
                <MoonIcon />
                {t('snooze.resting', { when: reminderWords(snoozedUntil, today, timeZone) })}
              </span>
            ) : null}
            {priority ? (
              <span className={`chip chip--priority chip--priority-${task.priority!.toLowerCase()}`}>
                <PriorityIcon />
                {priority}
              </span>
            ) : null}
            {!doneForNow && repeat ? (
              <span className="chip chip--repeat">
                <RepeatIcon />
                <span className="visually-hidden">{t('taskItem.repeats')}</span>
                {repeat}
              </span>
            ) : null}
            {task.tags.map((tag) =>
              onTag ? (
                <button
                  type="button"
                  className="chip chip--tag chip--button"
                  key={tag}
                  aria-label={t('taskItem.filterTag', { tag })}
                  onClick={() => onTag(tag)}
                >
                  #{tag}
                </button>
              ) : (
                <span className="chip chip--tag" key={tag}>
                  <span className="visually-hidden">{t('taskItem.tag')}</span>#{tag}
                </span>
              ),
            )}
            {steps.length > 0 ? (
              <span className="chip chip--quiet">
                <StepsIcon />
                {t('taskItem.stepsDone', { done: stepsDone, count: steps.length })}
              </span>
            ) : null}
          </p>
        </div>
      </div>
      {steps.length > 0 ? (
        <ul className="steps" aria-label={t('taskItem.stepsFor', { title: task.title })}>
          {steps.map((step) => (
            <StepItem key={step.id} step={step} busy={busy.has(step.id)} onToggle={() => onToggleStep(task, step)} />
          ))}
        </ul>
      ) : null}
      {showActions ? (
        <div className="task__actions">
          {onBreakDown && steps.length === 0 ? (
            <button type="button" className="link-button" aria-disabled={isBusy || undefined} onClick={() => void breakDown()}>
              <StepsIcon />
              {breaking ? t('taskItem.breaking') : t('taskItem.breakDown')}
            </button>
          ) : null}
          {snoozedUntil && onWake ? (
            <button
              type="button"
              className="link-button"
              aria-disabled={isBusy || undefined}
              aria-label={t('snooze.wakeFor', { title: task.title })}
              onClick={() => void onWake(task)}
            >
              <MoonIcon />
              {t('snooze.wake')}
            </button>
          ) : null}
          {onSnooze && !snoozedUntil ? (
            <Link className="link-button" to={focusPath(task.id)} aria-label={t('focus.openFor', { title: task.title })}>
              {t('focus.open')}
            </Link>
          ) : null}
          {onSnooze && !snoozedUntil ? (
            <Suspense fallback={<SnoozeLoading title={task.title} />}>
              <SnoozeMenu title={task.title} timeZone={timeZone} busy={isBusy} onSnooze={(to) => onSnooze(task, to)} />
            </Suspense>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}

function StepItem({ step, busy, onToggle }: { step: Step; busy: boolean; onToggle: () => Promise<void> }) {
  const { t } = useTranslation();
  const done = step.status === 'DONE';
  // While the server answers, show the box as it will be.
  const checked = busy ? !done : done;
  return (
    <li className={`step${checked ? ' step--checked' : ''}`}>
      <input
        id={checkboxId(step.id)}
        className="check check--small"
        type="checkbox"
        checked={checked}
        onChange={() => {
          if (!busy) void onToggle();
        }}
        aria-disabled={busy || undefined}
      />
      <label className="step__title" htmlFor={checkboxId(step.id)}>
        {step.title}
        {step.estimateMinutes ? <span className="step__estimate"> · {t('taskItem.minutes', { count: step.estimateMinutes })}</span> : null}
      </label>
    </li>
  );
}
