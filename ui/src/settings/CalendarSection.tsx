import { useId, useState } from 'react';
import { Loading, LoadProblem, Section, StatusLine } from '../components/Section';
import type { GraphQLClient } from '../graphql/client';
import { useTranslation } from '../i18n';
import { formatDateTime } from '../lib/dates';
import { copyText } from '../lib/download';
import { failureText, mutationOutcome } from '../lib/formErrors';
import { queryFailureMessage, useGraphQLQuery } from '../graphql/query';
import { queryKeys } from '../graphql/queryKeys';
import { ICAL_FEED, REVOKE_ICAL_FEED, ROTATE_ICAL_FEED } from './api';

const NO_VARIABLES = {};

/** The feed's address for calendar apps that open webcal:// links (Apple Calendar, Outlook). */
export function webcalUrl(url: string): string {
  return url.replace(/^https?:\/\//, 'webcal://');
}

/**
 * Subscribe to your tasks in a calendar app: a secret feed address, shown once when it is made, with Copy and an
 * "open in my calendar app" link; a new address (the old one stops), or no feed at all.
 */
export function CalendarSection({ client, timeZone }: { client: GraphQLClient; timeZone: string }) {
  const { t } = useTranslation();
  const id = useId();
  const { state, reload, replace } = useGraphQLQuery(client, queryKeys.settings.icalFeed(), ICAL_FEED, NO_VARIABLES);
  const [url, setUrl] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const rotate = async () => {
    if (busy) return;
    setBusy(true);
    setStatus(null);
    const outcome = mutationOutcome(await client.request(ROTATE_ICAL_FEED, {}), (d) => d.rotateIcalFeed);
    setBusy(false);
    if (outcome.kind !== 'success' || !outcome.payload.url) {
      setStatus(outcome.kind === 'success' ? failureText({ kind: 'error' }) : failureText(outcome));
      return;
    }
    setUrl(outcome.payload.url);
    replace(() => ({ icalFeed: outcome.payload.feed }));
  };

  const revoke = async () => {
    if (busy) return;
    setBusy(true);
    const outcome = mutationOutcome(await client.request(REVOKE_ICAL_FEED, {}), (d) => d.revokeIcalFeed);
    setBusy(false);
    if (outcome.kind !== 'success') return setStatus(failureText(outcome));
    setUrl(null);
    replace(() => ({ icalFeed: null }));
    setStatus(t('calendar.revoked'));
  };

  const feed = state.status === 'ready' ? state.data.icalFeed : null;
  return (
    <Section id="calendar" title={t('calendar.title')} lead={t('calendar.lead')}>
      {state.status === 'loading' ? <Loading what={t('calendar.loading')} /> : null}
      {state.status === 'failed' ? <LoadProblem message={queryFailureMessage(state.failure)} onRetry={() => void reload()} /> : null}
      {state.status === 'ready' ? (
        <>
          {url ? (
            <div className="calendar-feed">
              <label className="field__label" htmlFor={`${id}-url`}>
                {t('calendar.address')}
              </label>
              <p className="field__hint" id={`${id}-hint`}>
                {t('calendar.secret')}
              </p>
              <div className="calendar-feed__row">
                <input
                  id={`${id}-url`}
                  className="field__input"
                  readOnly
                  value={url}
                  aria-describedby={`${id}-hint`}
                  onFocus={(e) => e.target.select()}
                />
                <button
                  type="button"
                  className="button button--small"
                  onClick={async () => setStatus((await copyText(url)) ? t('calendar.copied') : t('calendar.selectIt'))}
                >
                  {t('calendar.copy')}
                </button>
              </div>
              <p>
                <a href={webcalUrl(url)}>{t('calendar.open')}</a>
              </p>
              <ul className="calendar-feed__how">
                <li>{t('calendar.howGoogle')}</li>
                <li>{t('calendar.howApple')}</li>
                <li>{t('calendar.howOutlook')}</li>
              </ul>
            </div>
          ) : feed ? (
            <p>
              <span className="chip chip--done">{t('calendar.on')}</span>{' '}
              {t('calendar.since', { when: formatDateTime(feed.createdAt, timeZone) })}
            </p>
          ) : (
            <p>
              <span className="chip">{t('calendar.off')}</span> {t('calendar.offText')}
            </p>
          )}
          <div className="form__actions">
            <button type="button" className="button button--small" onClick={rotate} aria-disabled={busy || undefined}>
              {feed ? t('calendar.newAddress') : t('calendar.subscribe')}
            </button>
            {feed ? (
              <button type="button" className="button button--quiet button--small" onClick={revoke} aria-disabled={busy || undefined}>
                {t('calendar.stop')}
              </button>
            ) : null}
          </div>
        </>
      ) : null}
      <StatusLine message={status} />
    </Section>
  );
}
