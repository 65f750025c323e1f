import { useRef, useState } from 'react';
import { Loading, LoadProblem, StatusLine } from '../components/Section';
import type { GraphQLClient } from '../graphql/client';
import { useTranslation } from '../i18n';
import { formatDateTime } from '../lib/dates';
import { failureText, mutationOutcome } from '../lib/formErrors';
import { queryFailureMessage, useGraphQLQuery } from '../graphql/query';
import { queryKeys } from '../graphql/queryKeys';
import { REVOKE_OTHER_SESSIONS, REVOKE_SESSION, SESSIONS, type SignedInSession } from './api';
import { describeAddress, describeDevice } from './devices';

/** Sessions shown at once; people rarely have more, and "Show all" asks for the rest. */
const PAGE = 50;

/**
 * Where the person is signed in, this device marked, with Sign out for any other session and for all of them at
 * once. An ended session cannot refresh: that device is signed out at its next refresh.
 */
export function SessionsList({ client, timeZone }: { client: GraphQLClient; timeZone: string }) {
  const { t } = useTranslation();
  const [first, setFirst] = useState(PAGE);
  const { state, reload, replace } = useGraphQLQuery(client, queryKeys.settings.sessions(first), SESSIONS, { first });
  const [busy, setBusy] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const sessions = state.status === 'ready' ? (state.data.sessions?.edges.map((e) => e.node) ?? []) : [];
  const others = sessions.filter((s) => !s.current);
  const more = state.status === 'ready' && state.data.sessions?.pageInfo.hasNextPage;

  const forget = (ids: ReadonlySet<string>) =>
    replace((data) =>
      data.sessions
        ? {
            sessions: {
              ...data.sessions,
              edges: data.sessions.edges.filter((e) => !ids.has(e.node.id)),
              totalCount: data.sessions.totalCount - ids.size,
            },
          }
        : data,
    );

  const signOut = async (session: SignedInSession) => {
    if (busy) return;
    setBusy(session.id);
    setStatus(null);
    const outcome = mutationOutcome(await client.request(REVOKE_SESSION, { input: { id: session.id } }), (d) => d.revokeSession);
    setBusy(null);
    if (outcome.kind !== 'success') {
      setStatus(failureText(outcome));
      return;
    }
    forget(new Set([session.id]));
    setStatus(t('sessions.signedOutOf', { device: describeDevice(session.userAgent) }));
    headingRef.current?.focus();
  };

  const signOutOthers = async () => {
    if (busy) return;
    setBusy('others');
    setStatus(null);
    const outcome = mutationOutcome(await client.request(REVOKE_OTHER_SESSIONS, {}), (d) => d.revokeOtherSessions);
    setBusy(null);
    if (outcome.kind !== 'success') {
      setStatus(failureText(outcome));
      return;
    }
    forget(new Set(others.map((s) => s.id)));
    const count = outcome.payload.revokedCount ?? others.length;
    setStatus(t('sessions.signedOutOthers', { count }));
    headingRef.current?.focus();
    void reload();
  };

  return (
    <div className="subsection">
      <h3 className="subsection__heading" ref={headingRef} tabIndex={-1}>
        {t('sessions.title')}
      </h3>
      {state.status === 'loading' ? <Loading what={t('sessions.loading')} /> : null}
      {state.status === 'failed' ? <LoadProblem message={queryFailureMessage(state.failure)} onRetry={() => void reload()} /> : null}
      {state.status === 'ready' ? (
        <>
          <ul className="sessions" aria-label={t('sessions.list')}>
            {sessions.map((session) => {
              const device = describeDevice(session.userAgent);
              const detailsId = `session-${session.id}-details`;
              const from = describeAddress(session.ip);
              return (
                <li key={session.id} className="session">
                  <div className="session__body">
                    <p className="session__device">
                      {device} {session.current ? <span className="chip chip--due">{t('sessions.thisDevice')}</span> : null}
                    </p>
                    <p className="session__details" id={detailsId}>
                      {t('sessions.details', {
                        signedIn: formatDateTime(session.createdAt, timeZone),
                        lastActive: formatDateTime(session.lastSeenAt, timeZone),
                      })}
                      {from ? (
                        <>
                          {' · '}
                          {from.loopback ? (
                            <span title={from.address}>{t('sessions.fromThisComputer')}</span>
                          ) : (
                            t('sessions.from', { address: from.address })
                          )}
                        </>
                      ) : null}
                    </p>
                  </div>
                  {session.current ? null : (
                    <button
                      type="button"
                      className="button button--small"
                      aria-label={t('sessions.signOutOf', { device })}
                      aria-describedby={detailsId}
                      aria-disabled={busy !== null || undefined}
                      onClick={() => void signOut(session)}
                    >
                      {busy === session.id ? t('shell.signingOut') : t('shell.signOut')}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
          <div className="form__actions">
            {others.length > 0 ? (
              <button
                type="button"
                className="button button--small"
                aria-disabled={busy !== null || undefined}
                onClick={() => void signOutOthers()}
              >
                {busy === 'others' ? t('shell.signingOut') : t('sessions.signOutOthers')}
              </button>
            ) : (
              <p className="muted">{t('sessions.onlyHere')}</p>
            )}
            {more ? (
              <button type="button" className="link-button" onClick={() => setFirst(100)}>
                {t('sessions.showAll')}
              </button>
            ) : null}
            <button type="button" className="link-button" onClick={() => void reload()}>
              {t('common.refresh')}
            </button>
          </div>
        </>
      ) : null}
      <StatusLine message={status} />
    </div>
  );
}
