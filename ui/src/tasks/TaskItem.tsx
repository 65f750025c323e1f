import { useId, useState } from 'react';
import type { Step, Task } from './api';
import { dueWords, priorityWords, repeatWords } from './format';
import { CalendarIcon, MoonIcon, PriorityIcon, RepeatIcon, StepsIcon } from './icons';
import type { Section } from './todayModel';
import type { SnoozeChoice } from './useToday';

/** The snooze menu's choices, in order. */
const SNOOZE_CHOICES: readonly { choice: SnoozeChoice; label: string }[] = [
  { choice: 'hour', label: 'For an hour' },
  { choice: 'morning', label: 'Until tomorrow morning' },
];

export function checkboxId(taskId: string): string {
  return `task-check-${taskId}`;
}

interface TaskItemProps {
  task: Task;
  section: Section;
  today: string;
  timeZone: string;
  /** A recurring task whose occurrence was done during this visit: ticked, showing its next due. */
  doneForNow: boolean;
  busy: ReadonlySet<string>;
  onComplete: (task: Task) => Promise<void>;
  onToggleStep: (task: Task, step: Step) => Promise<void>;
  onSnooze: (task: Task, choice: SnoozeChoice) => Promise<void>;
  onBreakDown: (task: Task) => Promise<unknown>;
}

export function TaskItem({
  task,
  section,
  today,
  timeZone,
  doneForNow,
  busy,
  onComplete,
  onToggleStep,
  onSnooze,
  onBreakDown,
}: TaskItemProps) {
  const id = useId();
  const [ticking, setTicking] = useState(false);
  const [snoozeOpen, setSnoozeOpen] = useState(false);
  const [acting, setActing] = useState<null | 'steps' | 'snooze'>(null);
  const isBusy = busy.has(task.id);
  const checked = doneForNow || ticking;

  const tick = async () => {
    if (doneForNow || isBusy) return;
    setTicking(true);
    try {
      await onComplete(task);
    } finally {
      setTicking(false);
    }
  };

  const act = async (kind: 'steps' | 'snooze', work: () => Promise<unknown>) => {
    if (isBusy) return;
    setActing(kind);
    try {
      await work();
    } finally {
      setActing(null);
    }
  };

  const due = doneForNow
    ? null
    : dueWords(task, today, timeZone, { omitToday: section === 'dueToday' });
  const next = doneForNow ? dueWords(task, today, timeZone) : null;
  const priority = priorityWords(task.priority);
  const repeat = repeatWords(task.recurrence);
  const steps = task.subtasks;
  const stepsDone = steps.filter((s) => s.status === 'DONE').length;
  const metaId = `${id}-meta`;
  const snoozeId = `${id}-snooze`;
  const showActions = section === 'overdue' && !doneForNow;

  return (
    <li
      className={`task${checked ? ' task--checked' : ''}${doneForNow ? ' task--done-for-now' : ''}`}
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
          aria-describedby={metaId}
          aria-disabled={doneForNow || isBusy || undefined}
        />
        <div className="task__body">
          <label className="task__title" htmlFor={checkboxId(task.id)}>
            {task.title}
          </label>
          <p className="task__meta" id={metaId}>
            {doneForNow ? (
              <span className="chip chip--done">
                <RepeatIcon />
                Done for today{next ? ` · next ${next}` : ''}
              </span>
            ) : null}
            {due ? (
              <span className={section === 'overdue' ? 'chip chip--past' : 'chip chip--due'}>
                <CalendarIcon />
                <span className="visually-hidden">{section === 'overdue' ? 'Was due ' : 'Due '}</span>
                {due}
              </span>
            ) : null}
            {section === 'later' && !task.dueDate ? <span className="chip chip--quiet">No date</span> : null}
            {priority ? (
              <span className={`chip chip--priority chip--priority-${task.priority!.toLowerCase()}`}>
                <PriorityIcon />
                {priority}
              </span>
            ) : null}
            {!doneForNow && repeat ? (
              <span className="chip chip--repeat">
                <RepeatIcon />
                <span className="visually-hidden">Repeats </span>
                {repeat}
              </span>
            ) : null}
            {task.tags.map((tag) => (
              <span className="chip chip--tag" key={tag}>
                <span className="visually-hidden">Tag </span>#{tag}
              </span>
            ))}
            {steps.length > 0 ? (
              <span className="chip chip--quiet">
                <StepsIcon />
                {stepsDone} of {steps.length} steps done
              </span>
            ) : null}
          </p>
        </div>
      </div>
      {steps.length > 0 ? (
        <ul className="steps" aria-label={`Steps for ${task.title}`}>
          {steps.map((step) => (
            <StepItem key={step.id} step={step} busy={busy.has(step.id)} onToggle={() => onToggleStep(task, step)} />
          ))}
        </ul>
      ) : null}
      {showActions ? (
        <div className="task__actions">
          {steps.length === 0 ? (
            <button
              type="button"
              className="link-button"
              aria-disabled={isBusy || undefined}
              onClick={() => void act('steps', () => onBreakDown(task))}
            >
              <StepsIcon />
              {acting === 'steps' ? 'Breaking into steps…' : 'Break into steps'}
            </button>
          ) : null}
          <button
            type="button"
            className="link-button"
            aria-expanded={snoozeOpen}
            aria-controls={snoozeId}
            onClick={() => setSnoozeOpen((open) => !open)}
          >
            <MoonIcon />
            Snooze
          </button>
          <div className="task__snooze" id={snoozeId} hidden={!snoozeOpen}>
            <span className="task__snooze-label" id={`${snoozeId}-label`}>
              Let it rest:
            </span>
            <div className="task__snooze-choices" role="group" aria-labelledby={`${snoozeId}-label`}>
              {SNOOZE_CHOICES.map(({ choice, label }) => (
                <button
                  key={choice}
                  type="button"
                  className="button button--small"
                  aria-disabled={isBusy || undefined}
                  onClick={() => void act('snooze', () => onSnooze(task, choice))}
                >
                  {label}
                </button>
              ))}
            </div>
          </div>
        </div>
      ) : null}
    </li>
  );
}

function StepItem({ step, busy, onToggle }: { step: Step; busy: boolean; onToggle: () => Promise<void> }) {
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
        {step.estimateMinutes ? <span className="step__estimate"> · {step.estimateMinutes} min</span> : null}
      </label>
    </li>
  );
}
