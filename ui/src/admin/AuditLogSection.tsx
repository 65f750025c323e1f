import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { LoadProblem, Section, StatusLine } from '../components/Section';
import type { GraphQLClient } from '../graphql/client';
import type { AuditOutcome } from '../graphql/generated/graphql';
import { i18n, useTranslation } from '../i18n';
import { formatDateTime } from '../lib/dates';
import { failureOfError, present, queryFailureMessage, requestData, useGraphQLQuery } from '../graphql/query';
import { queryKeys } from '../graphql/queryKeys';
import { AUDIT_ACTIONS, AUDIT_LOG, type AuditEvent } from './api';
import { describeDevice } from '../settings/devices';
import { actionLabel, auditVariables, NO_FILTERS, type AuditFilters } from './auditFilters';

const PAGE = 25;
const NO_VARIABLES = {};
/** Every outcome of the schema (admin.outcomes names each one), in the order the filter shows them. */
const OUTCOMES: readonly AuditOutcome[] = ['SUCCESS', 'FAILURE', 'DENIED'];

function outcomeName(outcome: AuditOutcome): string {
  return i18n.t(`admin.outcomes.${outcome}`);
}

function Who({ person, id }: { person: AuditEvent['actor']; id: string | null }) {
  if (person) {
    return (
      <>
        {person.displayName || person.email}
        {person.displayName ? <span className="table__detail">{person.email}</span> : null}
      </>
    );
  }
  return <>{id ? i18n.t('admin.audit.goneSomeone', { id: id.slice(0, 10) }) : '—'}</>;
}

/**
 * The security audit log, newest first, filtered by action, outcome, person and days, a page at a time.
 * `person` (set from the People section) narrows it to one person.
 */
export function AuditLogSection({
  client,
  timeZone,
  person,
}: {
  client: GraphQLClient;
  timeZone: string;
  person: AuditFilters['person'];
}) {
  const { t } = useTranslation();
  const actions = useGraphQLQuery(client, queryKeys.admin.auditActions(), AUDIT_ACTIONS, NO_VARIABLES);
  const [draft, setDraft] = useState<AuditFilters>({ ...NO_FILTERS, person });
  const [applied, setApplied] = useState<AuditFilters>({ ...NO_FILTERS, person });
  const [status, setStatus] = useState<string | null>(null);
  const ids = { action: useId(), outcome: useId(), from: useId(), until: useId() };
  const variables = auditVariables(applied, timeZone, PAGE, null);
  const query = useInfiniteQuery({
    queryKey: queryKeys.admin.auditLog(variables),
    queryFn: async ({ pageParam }) => {
      // `auditLog` is null only for someone without the permission.
      const page = present((await requestData(client, AUDIT_LOG, { ...variables, after: pageParam })).auditLog, 'forbidden');
      // Each set of filters' answer says how many events it has.
      if (pageParam === null) setStatus(i18n.t('admin.audit.count', { count: page.totalCount }));
      return page;
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => (last.pageInfo.hasNextPage ? (last.pageInfo.endCursor ?? undefined) : undefined),
    // What was found stays shown until the next search's answer replaces it.
    placeholderData: keepPreviousData,
  });
  const pages = query.data?.pages;
  const log = useMemo(() => (pages ? { ...pages.at(-1)!, edges: pages.flatMap((p) => p.edges) } : null), [pages]);
  const failure = query.status === 'error' ? failureOfError(query.error) : null;
  const loading = query.isFetching;

  // A person chosen in People replaces the person filter and shows their events at once.
  useEffect(() => {
    setDraft((d) => ({ ...d, person }));
    setApplied((a) => ({ ...a, person }));
  }, [person]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // The same filters again ask again: new events may have come.
    if (JSON.stringify(auditVariables(draft, timeZone, PAGE, null)) === JSON.stringify(variables)) void query.refetch();
    else setApplied({ ...draft });
  };

  const actionNames = actions.state.status === 'ready' ? (actions.state.data.__type?.enumValues?.map((v) => v.name) ?? []) : [];

  return (
    <Section id="audit-log" title={t('admin.audit.title')} lead={t('admin.audit.lead', { zone: timeZone })}>
      <form className="filters" aria-label={t('admin.audit.filters')} onSubmit={submit}>
        <div className="field">
          <label className="field__label" htmlFor={ids.action}>
            {t('admin.audit.action')}
          </label>
          <select
            id={ids.action}
            className="field__input field__select"
            value={draft.action}
            onChange={(e) => setDraft((d) => ({ ...d, action: e.target.value as AuditFilters['action'] }))}
          >
            <option value="">{t('admin.audit.anyAction')}</option>
            {actionNames.map((name) => (
              <option key={name} value={name}>
                {actionLabel(name)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={ids.outcome}>
            {t('admin.audit.outcome')}
          </label>
          <select
            id={ids.outcome}
            className="field__input field__select"
            value={draft.outcome}
            onChange={(e) => setDraft((d) => ({ ...d, outcome: e.target.value as AuditFilters['outcome'] }))}
          >
            <option value="">{t('admin.audit.anyOutcome')}</option>
            {OUTCOMES.map((outcome) => (
              <option key={outcome} value={outcome}>
                {outcomeName(outcome)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={ids.from}>
            {t('admin.audit.from')}
          </label>
          <input
            id={ids.from}
            className="field__input"
            type="date"
            value={draft.fromDay}
            onChange={(e) => setDraft((d) => ({ ...d, fromDay: e.target.value }))}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={ids.until}>
            {t('admin.audit.until')}
          </label>
          <input
            id={ids.until}
            className="field__input"
            type="date"
            value={draft.untilDay}
            onChange={(e) => setDraft((d) => ({ ...d, untilDay: e.target.value }))}
          />
        </div>
        {draft.person ? (
          <p className="filters__person">
            {t('admin.audit.person')} <strong>{draft.person.label}</strong>{' '}
            <button type="button" className="link-button" onClick={() => setDraft((d) => ({ ...d, person: null }))}>
              {t('admin.audit.everyone')}
            </button>
          </p>
        ) : null}
        <div className="form__actions filters__actions">
          <button className="button button--primary" type="submit" aria-disabled={loading || undefined}>
            {t('admin.audit.show')}
          </button>
          <button
            type="button"
            className="button button--quiet"
            onClick={() => {
              setDraft(NO_FILTERS);
              setApplied(NO_FILTERS);
            }}
          >
            {t('admin.audit.clear')}
          </button>
        </div>
      </form>
      <StatusLine message={status} />
      {failure ? <LoadProblem message={queryFailureMessage(failure)} onRetry={() => void query.refetch()} /> : null}
      {log && log.edges.length > 0 ? (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t('admin.audit.table')}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('admin.audit.when')}</th>
                <th scope="col">{t('admin.audit.what')}</th>
                <th scope="col">{t('admin.audit.who')}</th>
                <th scope="col">{t('admin.audit.about')}</th>
                <th scope="col">{t('admin.audit.where')}</th>
              </tr>
            </thead>
            <tbody>
              {log.edges.map(({ cursor, node }) => (
                <tr key={cursor}>
                  <td className="table__when">{formatDateTime(node.occurredAt, timeZone)}</td>
                  <td>
                    {actionLabel(node.action)}{' '}
                    <span className={node.outcome === 'SUCCESS' ? 'chip chip--done' : 'chip'}>{outcomeName(node.outcome)}</span>
                    {node.details.length > 0 ? (
                      <span className="table__detail">{node.details.map((d) => `${d.name}: ${d.value}`).join(' · ')}</span>
                    ) : null}
                  </td>
                  <td>
                    <Who person={node.actor} id={node.actorId} />
                  </td>
                  <td>
                    <Who person={node.subject} id={node.subjectId} />
                  </td>
                  <td>
                    {node.ip ?? '—'}
                    {node.userAgent ? <span className="table__detail">{describeDevice(node.userAgent)}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : log ? (
        <p className="muted">{t('admin.audit.none')}</p>
      ) : null}
      {log?.pageInfo.hasNextPage ? (
        <button
          type="button"
          className="button button--small"
          aria-disabled={loading || undefined}
          onClick={() => void query.fetchNextPage()}
        >
          {loading ? t('admin.loadingMore') : t('admin.audit.older')}
        </button>
      ) : null}
    </Section>
  );
}
