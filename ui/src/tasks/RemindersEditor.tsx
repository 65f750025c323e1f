import { useId, useState, type FormEvent } from 'react';
import type { ReminderChannel } from '../graphql/generated/graphql';
import { useTranslation } from '../i18n';
import type { Reminder, Task } from './api';
import { dayOf, reminderWords } from './format';
import { pickedInstant } from './snooze';
import { wallTime } from './taskForm';
import type { ReminderDraft } from './useTaskList';

const CHANNELS: readonly ReminderChannel[] = ['IN_APP', 'EMAIL', 'SMS'];

/** "30 minutes", "2 hours", "1 day" in the locale's words. */
export function durationWords(minutes: number, locale: string): string {
  const [value, unit] = minutes % 1440 === 0 ? [minutes / 1440, 'day'] : minutes % 60 === 0 ? [minutes / 60, 'hour'] : [minutes, 'minute'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}

interface Draft {
  kind: 'at' | 'before';
  /** datetime-local value */
  at: string;
  minutes: string;
  channels: ReminderChannel[];
}

function draftOf(reminder: Reminder | null, timeZone: string): Draft {
  if (!reminder) return { kind: 'at', at: '', minutes: '30', channels: ['IN_APP'] };
  const at = reminder.remindAt ? `${dayOf(reminder.remindAt, timeZone)}T${wallTime(reminder.remindAt, timeZone)}` : '';
  return {
    kind: reminder.offsetMinutes !== null ? 'before' : 'at',
    at,
    minutes: reminder.offsetMinutes !== null ? String(reminder.offsetMinutes) : '30',
    channels: [...reminder.channels],
  };
}

/** A task's reminders: each said in words with its channels, changed or removed; a new one at a time or before the due. */
export function RemindersEditor({
  task,
  today,
  timeZone,
  locale,
  onAdd,
  onRemove,
}: {
  task: Task;
  today: string;
  timeZone: string;
  locale: string;
  onAdd: (reminder: ReminderDraft & { channels: ReminderChannel[] }) => Promise<string | null>;
  onRemove: (reminder: Reminder) => Promise<string | null>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [editing, setEditing] = useState<Reminder | 'new' | null>(null);
  const [draft, setDraft] = useState<Draft>(() => draftOf(null, timeZone));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const hasDue = Boolean(task.dueDate || task.dueAt);

  const open = (reminder: Reminder | null) => {
    setEditing(reminder ?? 'new');
    setDraft(draftOf(reminder, timeZone));
    setError(null);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (draft.channels.length === 0) return setError(t('reminders.errors.channel'));
    let reminder: ReminderDraft;
    if (draft.kind === 'at') {
      const remindAt = pickedInstant(draft.at, timeZone);
      if (!remindAt) return setError(t('reminders.errors.time'));
      reminder = { remindAt };
    } else {
      const minutes = Number(draft.minutes);
      if (!Number.isInteger(minutes) || minutes < 0) return setError(t('reminders.errors.minutes'));
      reminder = { offsetMinutes: minutes };
    }
    setBusy(true);
    let problem = await onAdd({ ...reminder, channels: draft.channels });
    // A change is the new reminder added, then the old one removed: nothing is lost if the second step fails.
    if (!problem && editing && editing !== 'new') problem = await onRemove(editing);
    setBusy(false);
    if (problem) return setError(problem);
    setEditing(null);
  };

  const remove = async (reminder: Reminder) => {
    setBusy(true);
    const problem = await onRemove(reminder);
    setBusy(false);
    setError(problem);
  };

  const words = (r: Reminder) =>
    r.remindAt
      ? t('reminders.at', { when: reminderWords(r.remindAt, today, timeZone) })
      : t('reminders.before', { duration: durationWords(r.offsetMinutes ?? 0, locale) });

  return (
    <section className="panel-section" aria-labelledby={`${id}-heading`}>
      <h3 className="panel-section__heading" id={`${id}-heading`}>
        {t('reminders.heading')}
      </h3>
      {task.reminders.length === 0 ? <p className="muted">{t('reminders.none')}</p> : null}
      <ul className="reminders">
        {task.reminders.map((r) => (
          <li key={r.id} className="reminders__item">
            <span>
              {words(r)} · {r.channels.map((c) => t(`reminders.channels.${c}`)).join(', ')}
            </span>
            <span className="reminders__actions">
              <button type="button" className="link-button" aria-label={t('reminders.changeOne', { what: words(r) })} onClick={() => open(r)}>
                {t('reminders.change')}
              </button>
              <button
                type="button"
                className="link-button"
                aria-label={t('reminders.removeOne', { what: words(r) })}
                aria-disabled={busy || undefined}
                onClick={() => void remove(r)}
              >
                {t('reminders.remove')}
              </button>
            </span>
          </li>
        ))}
      </ul>
      {editing ? (
        <form className="reminders__form" onSubmit={save} noValidate aria-label={t('reminders.formLabel')}>
          <fieldset className="repeat__monthly">
            <legend className="field__label">{t('reminders.when')}</legend>
            <label className="repeat__choice">
              <input type="radio" name={`${id}-kind`} checked={draft.kind === 'at'} onChange={() => setDraft({ ...draft, kind: 'at' })} />
              {t('reminders.kindAt')}
            </label>
            {draft.kind === 'at' ? (
              <span className="repeat__sub">
                <label className="visually-hidden" htmlFor={`${id}-at`}>
                  {t('reminders.kindAt')}
                </label>
                <input id={`${id}-at`} className="field__input" type="datetime-local" value={draft.at} onChange={(e) => setDraft({ ...draft, at: e.target.value })} />
              </span>
            ) : null}
            <label className="repeat__choice">
              <input
                type="radio"
                name={`${id}-kind`}
                checked={draft.kind === 'before'}
                disabled={!hasDue}
                onChange={() => setDraft({ ...draft, kind: 'before' })}
              />
              {hasDue ? t('reminders.kindBefore') : t('reminders.kindBeforeNoDue')}
            </label>
            {draft.kind === 'before' ? (
              <span className="repeat__sub">
                <label htmlFor={`${id}-minutes`}>{t('reminders.minutes')}</label>
                <input
                  id={`${id}-minutes`}
                  className="field__input repeat__number"
                  type="number"
                  inputMode="numeric"
                  min={0}
                  value={draft.minutes}
                  onChange={(e) => setDraft({ ...draft, minutes: e.target.value })}
                />
              </span>
            ) : null}
          </fieldset>
          <fieldset className="repeat__days">
            <legend className="field__label">{t('reminders.how')}</legend>
            {CHANNELS.map((channel) => (
              <label key={channel} className="repeat__day">
                <input
                  type="checkbox"
                  checked={draft.channels.includes(channel)}
                  onChange={() =>
                    setDraft({
                      ...draft,
                      channels: draft.channels.includes(channel) ? draft.channels.filter((c) => c !== channel) : [...draft.channels, channel],
                    })
                  }
                />
                {t(`reminders.channels.${channel}`)}
              </label>
            ))}
          </fieldset>
          {error ? (
            <p className="field__error" role="alert">
              {error}
            </p>
          ) : null}
          <div className="form__actions">
            <button type="submit" className="button button--small" aria-disabled={busy || undefined}>
              {editing === 'new' ? t('reminders.add') : t('reminders.save')}
            </button>
            <button type="button" className="link-button" onClick={() => setEditing(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <>
          {error ? (
            <p className="field__error" role="alert">
              {error}
            </p>
          ) : null}
          <button type="button" className="button button--small" onClick={() => open(null)}>
            {t('reminders.addOne')}
          </button>
        </>
      )}
    </section>
  );
}
