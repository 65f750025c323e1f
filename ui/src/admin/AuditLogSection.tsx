import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { LoadProblem, Section, StatusLine } from '../components/Section';
import type { GraphQLClient } from '../graphql/client';
import type { AuditLogQuery, AuditOutcome } from '../graphql/generated/graphql';
import { i18n, useTranslation } from '../i18n';
import { formatDateTime } from '../lib/dates';
import { queryFailureMessage, queryFailureOf, useQuery, type QueryFailure } from '../lib/useQuery';
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
  const actions = useQuery(client, AUDIT_ACTIONS, NO_VARIABLES);
  const [draft, setDraft] = useState<AuditFilters>({ ...NO_FILTERS, person });
  const [applied, setApplied] = useState<AuditFilters>({ ...NO_FILTERS, person });
  const [log, setLog] = useState<AuditLogQuery['auditLog']>(null);
  const [failure, setFailure] = useState<QueryFailure | null>(null);
  const [loading, setLoading] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const seq = useRef(0);
  const ids = { action: useId(), outcome: useId(), from: useId(), until: useId() };

  const load = useCallback(
    async (filters: AuditFilters, after: string | null) => {
      const mine = ++seq.current;
      setLoading(true);
      const result = await client.request(AUDIT_LOG, auditVariables(filters, timeZone, PAGE, after));
      if (mine !== seq.current) return;
      setLoading(false);
      if (result.kind !== 'ok' || !result.data.auditLog) {
        // `auditLog` is null only for someone without the permission.
        setFailure(result.kind === 'ok' ? 'forbidden' : queryFailureOf(result));
        return;
      }
      setFailure(null);
      const page = result.data.auditLog;
      setLog((current) => (after && current ? { ...page, edges: [...current.edges, ...page.edges] } : page));
      if (!after) setStatus(i18n.t('admin.audit.count', { count: page.totalCount }));
    },
    [client, timeZone],
  );

  // A person chosen in People replaces the person filter and shows their events at once.
  useEffect(() => {
    setDraft((d) => ({ ...d, person }));
    setApplied((a) => ({ ...a, person }));
  }, [person]);

  useEffect(() => {
    void load(applied, null);
  }, [applied, load]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setApplied({ ...draft });
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
      {failure ? <LoadProblem message={queryFailureMessage(failure)} onRetry={() => void load(applied, null)} /> : null}
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
          onClick={() => void load(applied, log.pageInfo.endCursor)}
        >
          {loading ? t('admin.loadingMore') : t('admin.audit.older')}
        </button>
      ) : null}
    </Section>
  );
}
