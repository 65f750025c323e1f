import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from '../i18n';
import type { Step, Task } from './api';
import { checkboxId } from './TaskItem';

/** A task's steps (subtasks): tick, add one at the end, remove one. */
export function StepsEditor({
  task,
  busy,
  onToggle,
  onAdd,
  onRemove,
}: {
  task: Task;
  busy: ReadonlySet<string>;
  onToggle: (step: Step) => Promise<void>;
  onAdd: (title: string) => Promise<string | null>;
  onRemove: (step: Step) => Promise<string | null>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    if (!title.trim()) return setError(t('steps.empty'));
    setSaving(true);
    const problem = await onAdd(title.trim());
    setSaving(false);
    setError(problem);
    if (!problem) setTitle('');
  };

  return (
    <section className="panel-section" aria-labelledby={`${id}-heading`}>
      <h3 className="panel-section__heading" id={`${id}-heading`}>
        {t('steps.heading')}
      </h3>
      {task.subtasks.length > 0 ? (
        <ul className="steps steps--panel">
          {task.subtasks.map((step) => {
            const done = step.status === 'DONE';
            const isBusy = busy.has(step.id);
            return (
              <li key={step.id} className={`step${done ? ' step--checked' : ''}`}>
                <input
                  id={`panel-${checkboxId(step.id)}`}
                  className="check check--small"
                  type="checkbox"
                  checked={isBusy ? !done : done}
                  aria-disabled={isBusy || undefined}
                  onChange={() => {
                    if (!isBusy) void onToggle(step);
                  }}
                />
                <label className="step__title" htmlFor={`panel-${checkboxId(step.id)}`}>
                  {step.title}
                </label>
                <button
                  type="button"
                  className="link-button step__remove"
                  aria-label={t('steps.removeOne', { title: step.title })}
                  onClick={() => void onRemove(step).then(setError)}
                >
                  {t('steps.remove')}
                </button>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="muted">{t('steps.none')}</p>
      )}
      <form className="steps__add" onSubmit={add} noValidate>
        <label className="visually-hidden" htmlFor={`${id}-new`}>
          {t('steps.new')}
        </label>
        <input
          id={`${id}-new`}
          className="field__input"
          value={title}
          placeholder={t('steps.placeholder')}
          onChange={(e) => {
            setTitle(e.target.value);
            setError(null);
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        <button type="submit" className="button button--small" aria-disabled={saving || undefined}>
          {t('steps.add')}
        </button>
      </form>
      {error ? (
        <p className="field__error" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
