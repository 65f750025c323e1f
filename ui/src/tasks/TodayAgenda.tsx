import type { GraphQLClient } from '../graphql/client';
import { useLocale, useTranslation } from '../i18n';
import { useGraphQLQuery } from '../graphql/query';
import { queryKeys } from '../graphql/queryKeys';
import { AGENDA } from './api';
import { timeOfDay } from './format';

/**
 * The day's events from connected calendars, above the tasks, at their times in the person's zone. Shows nothing
 * without a connected calendar, or when the agenda cannot be had: the tasks below are the page's point.
 */
export function TodayAgenda({ client, day, timeZone }: { client: GraphQLClient; day: string; timeZone: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { state } = useGraphQLQuery(client, queryKeys.agenda.range(day, day), AGENDA, { from: day, to: day });
  const events = state.status === 'ready' ? (state.data.agenda?.items ?? []).filter((item) => item.kind === 'EVENT' && item.date === day) : [];
  if (events.length === 0) return null;
  return (
    <section className="today-agenda" aria-labelledby="today-agenda-heading">
      <h2 className="today-agenda__heading" id="today-agenda-heading">
        {t('today.agenda')}
      </h2>
      <ul className="week__events">
        {events.map((event, i) => (
          <li key={`${event.title}-${event.startsAt ?? i}`} className="week-event">
            <span className="week-event__time">
              {event.allDay || !event.startsAt ? (
                t('today.allDay')
              ) : (
                <>
                  <time dateTime={event.startsAt}>{timeOfDay(event.startsAt, timeZone, locale)}</time>
                  {event.endsAt ? (
                    <>
                      {' – '}
                      <time dateTime={event.endsAt}>{timeOfDay(event.endsAt, timeZone, locale)}</time>
                    </>
                  ) : null}
                </>
              )}
            </span>{' '}
            {event.link ? (
              <a href={event.link} target="_blank" rel="noreferrer">
                {event.title}
              </a>
            ) : (
              event.title
            )}
            {event.location ? <span className="muted"> · {event.location}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
