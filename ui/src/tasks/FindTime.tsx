import { useId, useState } from 'react';
import { Link } from 'react-router';
import type { GraphQLClient } from '../graphql/client';
import type { FindTimeForQuery } from '../graphql/generated/graphql';
import { useTranslation } from '../i18n';
import { failureOf, failureText, mutationOutcome } from '../lib/formErrors';
import { PATHS } from '../lib/router';
import { providerName } from '../oidc/messages';
import { FIND_TIME_FOR, SCHEDULE_TASK, type Task } from './api';
import { dayOf, dayWords, timeOfDay } from './format';

type Slot = NonNullable<FindTimeForQuery['findTimeFor']>['slots'][number];
type Found = { slots: Slot[]; minutes: number; calendars: Array<{ id: string; provider: string }> };

/** A slot as people say it, in the person's zone: "tomorrow, 9:00 AM – 9:30 AM". */
export function slotWords(slot: Slot, today: string, timeZone: string, locale: string): string {
  return `${dayWords(dayOf(slot.startsAt, timeZone), today, locale)}, ${timeOfDay(slot.startsAt, timeZone, locale)} – ${timeOfDay(slot.endsAt, timeZone, locale)}`;
}

/** The words of {@link slotWords}, its times marked up with the instants they stand for. */
function SlotTimes({ slot, today, timeZone, locale }: { slot: Slot; today: string; timeZone: string; locale: string }) {
  // One span: in a flex button, loose text runs would lose the spaces around them.
  return (
    <span>
      {dayWords(dayOf(slot.startsAt, timeZone), today, locale)}, <time dateTime={slot.startsAt}>{timeOfDay(slot.startsAt, timeZone, locale)}</time>
      {' – '}
      <time dateTime={slot.endsAt}>{timeOfDay(slot.endsAt, timeZone, locale)}</time>
    </span>
  );
}

/**
 * "Find time" in the task panel: free slots in the person's working hours, around their events, as long as the task's
 * estimate; choosing one writes the task into a connected calendar that allows adding events, and gives the task that
 * time. Without such a calendar the slots are shown with the way to connect one.
 */
export function FindTime({
  client,
  task,
  today,
  timeZone,
  locale,
  onScheduled,
}: {
  client: GraphQLClient;
  task: Task;
  today: string;
  timeZone: string;
  locale: string;
  onScheduled: (task: Task, message: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [found, setFound] = useState<Found | null>(null);
  const [calendarId, setCalendarId] = useState<string>('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const find = async () => {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    const result = await client.request(FIND_TIME_FOR, { input: { taskId: task.id } });
    setBusy(false);
    if (result.kind !== 'ok') return setProblem(failureText(failureOf(result)));
    const answer = result.data.findTimeFor;
    if (!answer) return setProblem(failureText({ kind: 'error' }));
    if (answer.userErrors.length > 0) return setProblem(failureText({ kind: 'rejected', userErrors: answer.userErrors }));
    const calendars = (result.data.integrations ?? [])
      .filter((i) => i.status === 'CONNECTED' && i.capabilities.includes('CALENDAR_WRITE'))
      .map((i) => ({ id: i.id, provider: i.provider }));
    setFound({ slots: answer.slots, minutes: answer.minutes ?? 30, calendars });
    setCalendarId(calendars[0]?.id ?? '');
  };

  const schedule = async (slot: Slot) => {
    if (busy || !calendarId || !found) return;
    setBusy(true);
    setProblem(null);
    const outcome = mutationOutcome(
      await client.request(SCHEDULE_TASK, { input: { taskId: task.id, slot: slot.startsAt, integrationId: calendarId } }),
      (d) => d.scheduleTask,
    );
    setBusy(false);
    if (outcome.kind !== 'success' || !outcome.payload.task) {
      return setProblem(outcome.kind === 'success' ? failureText({ kind: 'error' }) : failureText(outcome));
    }
    const provider = found.calendars.find((c) => c.id === calendarId)?.provider ?? '';
    onScheduled(
      outcome.payload.task,
      t('findTime.scheduled', { title: task.title, provider: providerName(provider), when: slotWords(slot, today, timeZone, locale) }),
    );
  };

  return (
    <section className="panel-section" aria-labelledby={`${id}-heading`}>
      <h3 className="panel-section__heading" id={`${id}-heading`}>
        {t('findTime.heading')}
      </h3>
      <button type="button" className="button button--small" onClick={() => void find()} aria-disabled={busy || undefined}>
        {busy && !found ? t('findTime.looking') : found ? t('findTime.again') : t('findTime.find')}
      </button>
      {found ? (
        <>
          {found.calendars.length === 0 ? (
            <p className="notice notice--info">
              {t('findTime.noCalendar')} <Link to={PATHS.integrations}>{t('findTime.connect')}</Link>
            </p>
          ) : found.calendars.length > 1 ? (
            <div className="field">
              <label className="field__label" htmlFor={`${id}-calendar`}>
                {t('findTime.calendar')}
              </label>
              <select id={`${id}-calendar`} className="field__input" value={calendarId} onChange={(e) => setCalendarId(e.target.value)}>
                {found.calendars.map((c) => (
                  <option key={c.id} value={c.id}>
                    {providerName(c.provider)}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          {found.slots.length === 0 ? (
            <p>{t('findTime.none', { count: found.minutes })}</p>
          ) : (
            <ul className="find-time__slots" aria-label={t('findTime.slots', { count: found.minutes })}>
              {found.slots.map((slot) => (
                <li key={slot.startsAt}>
                  {found.calendars.length > 0 ? (
                    <button type="button" className="button button--small" onClick={() => void schedule(slot)} aria-disabled={busy || undefined}>
                      <SlotTimes slot={slot} today={today} timeZone={timeZone} locale={locale} />
                    </button>
                  ) : (
                    <SlotTimes slot={slot} today={today} timeZone={timeZone} locale={locale} />
                  )}
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
      {problem ? (
        <p className="notice notice--attention" role="alert">
          {problem}
        </p>
      ) : null}
    </section>
  );
}
