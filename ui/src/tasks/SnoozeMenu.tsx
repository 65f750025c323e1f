import * as Menu from '@radix-ui/react-dropdown-menu';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from '../i18n';
import { MoonIcon } from './icons';
import { pickedInstant, snoozeChoices, type SnoozeChoice } from './snooze';
import type { SnoozeTo } from './useTaskRequests';

/**
 * "Snooze" and its choices: for an hour, this evening (until late afternoon), tomorrow morning, next week, or a time
 * picked. A menu button (Radix's: arrow keys, typeahead, Escape, focus back on the button), so that every list stays
 * calm; "Pick a time…" closes the menu and opens a small form below the task with the focus in its field.
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
  const [picking, setPicking] = useState(false);
  const [picked, setPicked] = useState('');
  const [error, setError] = useState<string | null>(null);
  const pickRef = useRef<HTMLInputElement>(null);
  const wantsPicker = useRef(false);
  const formId = `${id}-snooze`;

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
      <Menu.Root>
        <Menu.Trigger asChild>
          <button type="button" className="link-button" aria-label={t('snooze.openFor', { title })}>
            <MoonIcon />
            {t('snooze.open')}
          </button>
        </Menu.Trigger>
        <Menu.Portal>
          <Menu.Content
            className="snooze__menu"
            align="start"
            sideOffset={4}
            collisionPadding={8}
            onCloseAutoFocus={(event) => {
              // "Pick a time…": the focus goes to the form's field rather than back to the button.
              if (!wantsPicker.current) return;
              wantsPicker.current = false;
              event.preventDefault();
              pickRef.current?.focus();
            }}
          >
            <Menu.Label className="snooze__label">{t('snooze.label')}</Menu.Label>
            {snoozeChoices(new Date(), timeZone).map((choice: SnoozeChoice) => (
              <Menu.Item key={choice} className="snooze__item" disabled={busy} onSelect={() => void choose(choice)}>
                {t(`snooze.choices.${choice}`)}
              </Menu.Item>
            ))}
            <Menu.Separator className="snooze__separator" />
            <Menu.Item
              className="snooze__item"
              onSelect={() => {
                wantsPicker.current = true;
                setPicking(true);
              }}
            >
              {t('snooze.pick')}
            </Menu.Item>
          </Menu.Content>
        </Menu.Portal>
      </Menu.Root>
      {picking ? (
        <form className="snooze__pick" onSubmit={submitPicked} noValidate>
          <label className="field__label" htmlFor={`${formId}-time`}>
            {t('snooze.pickLabel')}
          </label>
          <div className="snooze__pick-row">
            <input
              ref={pickRef}
              id={`${formId}-time`}
              className="field__input"
              type="datetime-local"
              value={picked}
              onChange={(e) => setPicked(e.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${formId}-error` : undefined}
            />
            <button type="submit" className="button button--small" aria-disabled={busy || undefined}>
              {t('snooze.pickSubmit')}
            </button>
            <button type="button" className="button button--small button--quiet" onClick={() => setPicking(false)}>
              {t('common.cancel')}
            </button>
          </div>
          {error ? (
            <p className="field__error" id={`${formId}-error`} role="alert">
              {error}
            </p>
          ) : null}
        </form>
      ) : null}
    </div>
  );
}
