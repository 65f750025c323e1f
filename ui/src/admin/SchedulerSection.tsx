import { Loading, LoadProblem, Section } from '../components/Section';
import type { GraphQLClient } from '../graphql/client';
import { i18n, useTranslation } from '../i18n';
import { formatDateTime } from '../lib/dates';
import { queryFailureMessage, useGraphQLQuery } from '../graphql/query';
import { queryKeys } from '../graphql/queryKeys';
import { SCHEDULER, type JobRun } from './api';

const NO_VARIABLES = {};

function runSummary(run: JobRun, timeZone: string): string {
  const when = formatDateTime(run.startedAt, timeZone);
  return i18n.t(run.succeeded ? 'admin.scheduler.ok' : 'admin.scheduler.failed', { when, ms: run.durationMs });
}

/** Background jobs (next and last run), the scheduler nodes, and the latest failures (the `scheduler` query). */
export function SchedulerSection({ client, timeZone }: { client: GraphQLClient; timeZone: string }) {
  const { t } = useTranslation();
  const { state, reload } = useGraphQLQuery(client, queryKeys.admin.scheduler(), SCHEDULER, NO_VARIABLES);
  return (
    <Section id="scheduler" title={t('admin.scheduler.title')} lead={t('admin.timesIn', { zone: timeZone })}>
      {state.status === 'loading' ? <Loading what={t('admin.scheduler.loading')} /> : null}
      {state.status === 'failed' ? <LoadProblem message={queryFailureMessage(state.failure)} onRetry={() => void reload()} /> : null}
      {state.status === 'ready' && state.data.scheduler ? (
        <>
          <div className="table-scroll" tabIndex={0} role="region" aria-label={t('admin.scheduler.table')}>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('admin.scheduler.job')}</th>
                  <th scope="col">{t('admin.scheduler.state')}</th>
                  <th scope="col">{t('admin.scheduler.nextRun')}</th>
                  <th scope="col">{t('admin.scheduler.lastRun')}</th>
                </tr>
              </thead>
              <tbody>
                {state.data.scheduler.jobs.map((job) => (
                  <tr key={job.name}>
                    <th scope="row">{job.name}</th>
                    <td>{job.state}</td>
                    <td>{job.nextFireTime ? formatDateTime(job.nextFireTime, timeZone) : '—'}</td>
                    <td>
                      {job.lastRun ? (
                        <>
                          {runSummary(job.lastRun, timeZone)}
                          {job.lastRun.error ? <span className="table__detail">{job.lastRun.error}</span> : null}
                        </>
                      ) : (
                        t('admin.scheduler.notYet')
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>

          <h3 className="subsection__heading">{t('admin.scheduler.nodes')}</h3>
          <ul className="plain-list">
            {state.data.scheduler.nodes.map((node) => (
              <li key={node.instanceId}>
                <span className={node.alive ? 'chip chip--due' : 'chip'}>{node.alive ? t('admin.scheduler.alive') : t('admin.scheduler.silent')}</span>{' '}
                {node.instanceId}
                {node.lastCheckin ? <span className="muted">{t('admin.scheduler.checkedIn', { when: formatDateTime(node.lastCheckin, timeZone) })}</span> : null}
              </li>
            ))}
          </ul>

          <h3 className="subsection__heading">{t('admin.scheduler.failures')}</h3>
          {state.data.scheduler.recentFailures.length === 0 ? (
            <p className="muted">{t('admin.scheduler.noFailures')}</p>
          ) : (
            <ul className="plain-list">
              {state.data.scheduler.recentFailures.map((run) => (
                <li key={`${run.job}-${run.startedAt}-${run.node}`}>
                  <strong>{run.job}</strong> {t('admin.scheduler.on', { node: run.node })} {runSummary(run, timeZone)}
                  {run.error ? <span className="table__detail">{run.error}</span> : null}
                </li>
              ))}
            </ul>
          )}
          <div className="form__actions">
            <button type="button" className="button button--small" onClick={() => void reload()}>
              {t('common.refresh')}
            </button>
          </div>
        </>
      ) : null}
    </Section>
  );
}
