import { useId, useRef, useState, type FormEvent } from 'react';
import { Dialog } from '../components/Dialog';
import type { GraphQLClient } from '../graphql/client';
import type { Priority, ReminderChannel, UpdateTaskInput } from '../graphql/generated/graphql';
import { useTranslation } from '../i18n';
import { codePointLength } from '../lib/validation';
import type { Reminder, Step, Task } from './api';
import { FindTime } from './FindTime';
import { RemindersEditor } from './RemindersEditor';
import { RepeatEditor } from './RepeatEditor';
import { StepsEditor } from './StepsEditor';
import { changesFrom, formOf, LIMITS, validateTaskForm, type TaskForm, type TaskFormErrors } from './taskForm';
import type { ReminderDraft } from './useTaskList';

const PRIORITIES: readonly Priority[] = ['URGENT', 'HIGH', 'MEDIUM', 'LOW'];

export interface TaskDialogActions {
  update: (task: Task, changes: Omit<UpdateTaskInput, 'id'>) => Promise<string | null>;
  toggleStep: (task: Task, step: Step) => Promise<void>;
  addStep: (task: Task, title: string) => Promise<string | null>;
  removeStep: (task: Task, step: Step) => Promise<string | null>;
  addReminder: (task: Task, reminder: ReminderDraft & { channels: ReminderChannel[] }) => Promise<string | null>;
  removeReminder: (reminder: Reminder) => Promise<string | null>;
  remove: (task: Task) => Promise<void>;
  /** Puts a task the server returned in the lists. */
  upsert: (task: Task) => void;
  /** Says something in the page's status line. */
  say: (message: string) => void;
}

/**
 * The task panel: a modal dialog (the shared Dialog: focus stays inside, Escape closes, focus returns to where it
 * was) to edit the title, notes, due, priority, tags, estimate and repeat rule, the reminders and the steps, or delete
 * the task.
 */
export function TaskDialog({
  client,
  task,
  today,
  timeZone,
  locale,
  busy,
  actions,
  onClose,
}: {
  client: GraphQLClient;
  task: Task;
  today: string;
  timeZone: string;
  locale: string;
  busy: ReadonlySet<string>;
  actions: TaskDialogActions;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const dialogRef = useRef<HTMLDivElement>(null);
  const [form, setForm] = useState<TaskForm>(() => formOf(task, timeZone));
  const [errors, setErrors] = useState<TaskFormErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const saving = busy.has(task.id);

  const set = <K extends keyof TaskForm>(name: K, value: TaskForm[K]) => {
    setForm((f) => ({ ...f, [name]: value }));
    if (errors[name]) setErrors((e) => ({ ...e, [name]: undefined }));
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    const found = validateTaskForm(form);
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) {
      dialogRef.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
      return;
    }
    const changes = changesFrom(task, form, timeZone);
    if (Object.keys(changes).length === 0) {
      onClose();
      return;
    }
    const answer = await actions.update(task, changes);
    setProblem(answer);
    if (!answer) onClose();
  };

  const titleLength = codePointLength(form.title.trim());
  const notesLength = codePointLength(form.notes);
  const field = (name: keyof TaskForm) => ({
    id: `${id}-${name}`,
    name,
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': errors[name] ? `${id}-${name}-error` : undefined,
  });
  const error = (name: keyof TaskForm) =>
    errors[name] ? (
      <p className="field__error" id={`${id}-${name}-error`} role="alert">
        {errors[name]}
      </p>
    ) : null;

  return (
    <Dialog ref={dialogRef} title={t('taskDialog.heading')} onClose={onClose}>
      <form className="form task-dialog__form" onSubmit={save} noValidate>
        {problem ? (
          <p className="notice notice--attention" role="alert">
            {problem}
          </p>
        ) : null}
        <div className={`field${errors.title ? ' field--invalid' : ''}`}>
          <label className="field__label" htmlFor={`${id}-title`}>
            {t('taskDialog.title')}
          </label>
          <input {...field('title')} className="field__input" value={form.title} onChange={(e) => set('title', e.target.value)} />
          {titleLength > LIMITS.title * 0.8 ? (
            <p className="field__hint" aria-live="polite">
              {t('taskDialog.count', { length: titleLength, limit: LIMITS.title })}
            </p>
          ) : null}
          {error('title')}
        </div>
        <div className={`field${errors.notes ? ' field--invalid' : ''}`}>
          <label className="field__label" htmlFor={`${id}-notes`}>
            {t('taskDialog.notes')}
          </label>
          <textarea {...field('notes')} className="field__input field__textarea" rows={4} value={form.notes} onChange={(e) => set('notes', e.target.value)} />
          {notesLength > LIMITS.notes * 0.8 ? (
            <p className="field__hint" aria-live="polite">
              {t('taskDialog.count', { length: notesLength, limit: LIMITS.notes })}
            </p>
          ) : null}
          {error('notes')}
        </div>
        <fieldset className="task-dialog__due">
          <legend className="field__label">{t('taskDialog.due')}</legend>
          <div className="task-dialog__row">
            <span className="field">
              <label className="field__hint" htmlFor={`${id}-dueDate`}>
                {t('taskDialog.day')}
              </label>
              <input {...field('dueDate')} className="field__input" type="date" value={form.dueDate} onChange={(e) => set('dueDate', e.target.value)} />
            </span>
            <span className="field">
              <label className="field__hint" htmlFor={`${id}-dueTime`}>
                {t('taskDialog.time')}
              </label>
              <input {...field('dueTime')} className="field__input" type="time" value={form.dueTime} onChange={(e) => set('dueTime', e.target.value)} />
            </span>
            {form.dueDate || form.dueTime ? (
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  set('dueDate', '');
                  set('dueTime', '');
                }}
              >
                {t('taskDialog.noDue')}
              </button>
            ) : null}
          </div>
          {error('dueDate')}
        </fieldset>
        <div className="task-dialog__row">
          <div className="field">
            <label className="field__label" htmlFor={`${id}-priority`}>
              {t('taskDialog.priority')}
            </label>
            <select
              {...field('priority')}
              className="field__input field__select"
              value={form.priority}
              onChange={(e) => set('priority', e.target.value as Priority | '')}
            >
              <option value="">{t('taskDialog.noPriority')}</option>
              {PRIORITIES.map((p) => (
                <option key={p} value={p}>
                  {t(`priorityShort.${p}`)}
                </option>
              ))}
            </select>
          </div>
          <div className={`field${errors.estimate ? ' field--invalid' : ''}`}>
            <label className="field__label" htmlFor={`${id}-estimate`}>
              {t('taskDialog.estimate')}
            </label>
            <input
              {...field('estimate')}
              className="field__input repeat__number"
              type="number"
              inputMode="numeric"
              min={1}
              value={form.estimate}
              onChange={(e) => set('estimate', e.target.value)}
            />
            {error('estimate')}
          </div>
        </div>
        <div className={`field${errors.tags ? ' field--invalid' : ''}`}>
          <label className="field__label" htmlFor={`${id}-tags`}>
            {t('taskDialog.tags')}
          </label>
          <p className="field__hint" id={`${id}-tags-hint`}>
            {t('taskDialog.tagsHint')}
          </p>
          <input
            {...field('tags')}
            aria-describedby={[`${id}-tags-hint`, errors.tags ? `${id}-tags-error` : null].filter(Boolean).join(' ')}
            className="field__input"
            autoCapitalize="off"
            spellCheck={false}
            value={form.tags}
            onChange={(e) => set('tags', e.target.value)}
          />
          {error('tags')}
        </div>
        <RepeatEditor value={form.recurrence} onChange={(rrule) => set('recurrence', rrule)} />
        <div className="form__actions">
          <button type="submit" className="button button--primary" aria-disabled={saving || undefined}>
            {saving ? t('common.saving') : t('taskDialog.save')}
          </button>
        </div>
      </form>

      <RemindersEditor
        task={task}
        today={today}
        timeZone={timeZone}
        locale={locale}
        onAdd={(reminder) => actions.addReminder(task, reminder)}
        onRemove={actions.removeReminder}
      />
      <FindTime
        client={client}
        task={task}
        today={today}
        timeZone={timeZone}
        locale={locale}
        onScheduled={(scheduled, message) => {
          actions.upsert(scheduled);
          actions.say(message);
          // The form above still holds the old due: closing keeps it from being saved back.
          onClose();
        }}
      />
      <StepsEditor
        task={task}
        busy={busy}
        onToggle={(step) => actions.toggleStep(task, step)}
        onAdd={(title) => actions.addStep(task, title)}
        onRemove={(step) => actions.removeStep(task, step)}
      />
      <section className="panel-section task-dialog__danger">
        <button
          type="button"
          className="button button--careful"
          onClick={() => {
            onClose();
            void actions.remove(task);
          }}
        >
          {t('taskDialog.delete')}
        </button>
      </section>
    </Dialog>
  );
}
