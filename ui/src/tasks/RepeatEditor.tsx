import { useId } from 'react';
import { useTranslation } from '../i18n';
import { repeatWords, weekdayName } from './format';
import { parseRepeat, toRRule, WEEKDAY_CODES, type Frequency, type Nth, type Repeat, type WeekdayCode } from './recurrence';

const FREQUENCIES: readonly Frequency[] = ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'];
const NTHS: readonly Nth[] = [1, 2, 3, 4, -1];

/** The first shape of each frequency when it is chosen. */
function start(freq: Frequency, interval: number): Repeat {
  switch (freq) {
    case 'DAILY':
      return { freq, interval };
    case 'WEEKLY':
      return { freq, interval, days: [] };
    case 'MONTHLY':
      return { freq, interval, on: { kind: 'due' } };
    case 'YEARLY':
      return { freq, interval, on: null };
  }
}

/**
 * Repeat, in words rather than RRULE syntax: how often (every N days, weeks, months or years), on which weekdays, on
 * which day of the month; the rule it writes is read back in words under it. A rule the editor cannot show (written
 * elsewhere) is kept as it is until another is chosen.
 */
export function RepeatEditor({ value, onChange }: { value: string | null; onChange: (rrule: string | null) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const repeat = parseRepeat(value);
  const custom = value !== null && repeat === null;
  const set = (next: Repeat | null) => onChange(next ? toRRule(next) : null);
  const words = repeatWords(value);

  return (
    <fieldset className="repeat">
      <legend className="field__label">{t('repeatEditor.legend')}</legend>
      <div className="repeat__row">
        <label className="visually-hidden" htmlFor={`${id}-freq`}>
          {t('repeatEditor.how')}
        </label>
        <select
          id={`${id}-freq`}
          className="field__input field__select repeat__freq"
          value={custom ? 'CUSTOM' : (repeat?.freq ?? 'NONE')}
          onChange={(e) => {
            const freq = e.target.value;
            if (freq === 'NONE') set(null);
            else if (freq !== 'CUSTOM') set(start(freq as Frequency, repeat?.interval ?? 1));
          }}
        >
          <option value="NONE">{t('repeatEditor.none')}</option>
          {FREQUENCIES.map((freq) => (
            <option key={freq} value={freq}>
              {t(`repeatEditor.freq.${freq}`)}
            </option>
          ))}
          {custom ? <option value="CUSTOM">{t('repeatEditor.custom')}</option> : null}
        </select>
        {repeat ? (
          <span className="repeat__interval">
            <label htmlFor={`${id}-interval`}>{t('repeatEditor.every')}</label>
            <input
              id={`${id}-interval`}
              className="field__input repeat__number"
              type="number"
              inputMode="numeric"
              min={1}
              max={99}
              value={repeat.interval}
              onChange={(e) => {
                const interval = Math.min(99, Math.max(1, Math.floor(Number(e.target.value) || 1)));
                set({ ...repeat, interval });
              }}
            />
            <span>{t(`repeatEditor.unit.${repeat.freq}`, { count: repeat.interval })}</span>
          </span>
        ) : null}
      </div>

      {repeat?.freq === 'WEEKLY' ? (
        <fieldset className="repeat__days">
          <legend className="field__hint">{t('repeatEditor.onDays')}</legend>
          {WEEKDAY_CODES.map((code: WeekdayCode) => {
            const checked = repeat.days.includes(code);
            return (
              <label key={code} className="repeat__day">
                <input
                  type="checkbox"
                  checked={checked}
                  onChange={() =>
                    set({ ...repeat, days: checked ? repeat.days.filter((d) => d !== code) : [...repeat.days, code] })
                  }
                />
                <span aria-hidden="true">{weekdayName(code, undefined, 'short')}</span>
                <span className="visually-hidden">{weekdayName(code)}</span>
              </label>
            );
          })}
        </fieldset>
      ) : null}

      {repeat?.freq === 'MONTHLY' ? (
        <fieldset className="repeat__monthly">
          <legend className="visually-hidden">{t('repeatEditor.onWhichDay')}</legend>
          <label className="repeat__choice">
            <input type="radio" name={`${id}-monthly`} checked={repeat.on.kind === 'due'} onChange={() => set({ ...repeat, on: { kind: 'due' } })} />
            {t('repeatEditor.sameDay')}
          </label>
          <label className="repeat__choice">
            <input
              type="radio"
              name={`${id}-monthly`}
              checked={repeat.on.kind === 'day'}
              onChange={() => set({ ...repeat, on: { kind: 'day', day: 1 } })}
            />
            {t('repeatEditor.onDay')}
          </label>
          {repeat.on.kind === 'day' ? (
            <span className="repeat__sub">
              <label htmlFor={`${id}-monthday`} className="visually-hidden">
                {t('repeatEditor.dayOfMonth')}
              </label>
              <select
                id={`${id}-monthday`}
                className="field__input field__select"
                value={repeat.on.day}
                onChange={(e) => set({ ...repeat, on: { kind: 'day', day: Number(e.target.value) } })}
              >
                {Array.from({ length: 31 }, (_, i) => i + 1).map((day) => (
                  <option key={day} value={day}>
                    {day}
                  </option>
                ))}
                <option value={-1}>{t('repeatEditor.lastDay')}</option>
              </select>
            </span>
          ) : null}
          <label className="repeat__choice">
            <input
              type="radio"
              name={`${id}-monthly`}
              checked={repeat.on.kind === 'weekday'}
              onChange={() => set({ ...repeat, on: { kind: 'weekday', nth: 1, day: 'MO' } })}
            />
            {t('repeatEditor.onWeekday')}
          </label>
          {repeat.on.kind === 'weekday' ? (
            <span className="repeat__sub">
              <label htmlFor={`${id}-nth`} className="visually-hidden">
                {t('repeatEditor.whichWeek')}
              </label>
              <select
                id={`${id}-nth`}
                className="field__input field__select"
                value={repeat.on.nth}
                onChange={(e) => repeat.on.kind === 'weekday' && set({ ...repeat, on: { ...repeat.on, nth: Number(e.target.value) as Nth } })}
              >
                {NTHS.map((nth) => (
                  <option key={nth} value={nth}>
                    {t(`repeat.nth.${nth === -1 ? 'last' : nth}`)}
                  </option>
                ))}
              </select>
              <label htmlFor={`${id}-weekday`} className="visually-hidden">
                {t('repeatEditor.weekday')}
              </label>
              <select
                id={`${id}-weekday`}
                className="field__input field__select"
                value={repeat.on.day}
                onChange={(e) =>
                  repeat.on.kind === 'weekday' && set({ ...repeat, on: { ...repeat.on, day: e.target.value as WeekdayCode } })
                }
              >
                {WEEKDAY_CODES.map((code) => (
                  <option key={code} value={code}>
                    {weekdayName(code)}
                  </option>
                ))}
              </select>
            </span>
          ) : null}
        </fieldset>
      ) : null}

      <p className="field__hint repeat__words" aria-live="polite">
        {words ? (custom ? t('repeatEditor.customWords', { rule: words }) : t('repeatEditor.words', { words })) : t('repeatEditor.noneWords')}
      </p>
    </fieldset>
  );
}
