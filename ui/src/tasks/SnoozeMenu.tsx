import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from '../i18n';
import { MoonIcon } from './icons';
import { pickedInstant, snoozeChoices, type SnoozeChoice } from './snooze';
import type { SnoozeTo } from './useTaskRequests';

/**
 * "Snooze" and its choices: for an hour, this evening (until late afternoon), tomorrow morning, next week, or a time
 * picked. A button that shows and hides the choices, so that every list stays calm.
 */
export function SnoozeMenu({
  title,
  timeZone,
  busy,
  onSnooze,
}: {
  /** The task's title, for the accessible names. */
  title: string;
  timeZone: string;
  busy: boolean;
  onSnooze: (to: SnoozeTo) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [picking, setPicking] = useState(false);
  const [picked, setPicked] = useState('');
  const [error, setError] = useState<string | null>(null);
  const menuId = `${id}-snooze`;

  const choose = async (to: SnoozeTo) => {
    if (busy) return;
    await onSnooze(to);
  };
  const submitPicked = (event: FormEvent) => {
    event.preventDefault();
    const until = pickedInstant(picked, timeZone);
    if (!until || Date.parse(until) <= Date.now()) {
      setError(t('snooze.pickFuture'));
      return;
    }
    setError(null);
    void choose({ until });
  };

  return (
    <div className="snooze">
      <button
        type="button"
        className="link-button"
        aria-expanded={open}
        aria-controls={menuId}
        aria-label={t('snooze.openFor', { title })}
        onClick={() => setOpen((o) => !o)}
      >
        <MoonIcon />
        {t('snooze.open')}
      </button>
      <div className="snooze__menu" id={menuId} hidden={!open}>
        <span className="snooze__label" id={`${menuId}-label`}>
          {t('snooze.label')}
        </span>
        <div className="snooze__choices" role="group" aria-labelledby={`${menuId}-label`}>
          {snoozeChoices(new Date(), timeZone).map((choice: SnoozeChoice) => (
            <button
              key={choice}
              type="button"
              className="button button--small"
              aria-disabled={busy || undefined}
              onClick={() => void choose(choice)}
            >
              {t(`snooze.choices.${choice}`)}
            </button>
          ))}
          <button type="button" className="button button--small" aria-expanded={picking} onClick={() => setPicking((p) => !p)}>
            {t('snooze.pick')}
          </button>
        </div>
        {picking ? (
          <form className="snooze__pick" onSubmit={submitPicked} noValidate>
            <label className="field__label" htmlFor={`${menuId}-time`}>
              {t('snooze.pickLabel')}
            </label>
            <div className="snooze__pick-row">
              <input
                id={`${menuId}-time`}
                className="field__input"
                type="datetime-local"
                value={picked}
                onChange={(e) => setPicked(e.target.value)}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${menuId}-error` : undefined}
              />
              <button type="submit" className="button button--small" aria-disabled={busy || undefined}>
                {t('snooze.pickSubmit')}
              </button>
            </div>
            {error ? (
              <p className="field__error" id={`${menuId}-error`} role="alert">
                {error}
              </p>
            ) : null}
          </form>
        ) : null}
      </div>
    </div>
  );
}
