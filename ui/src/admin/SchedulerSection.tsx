import { Loading, LoadProblem, Section } from '../components/Section';
import type { GraphQLClient } from '../graphql/client';
import { formatDateTime } from '../lib/dates';
import { queryFailureMessage, useGraphQLQuery } from '../graphql/query';
import { queryKeys } from '../graphql/queryKeys';
import { SCHEDULER, type JobRun } from './api';

const NO_VARIABLES = {};

function runSummary(run: JobRun, timeZone: string): string {
  const when = formatDateTime(run.startedAt, timeZone);
  return run.succeeded ? `${when} · ok in ${run.durationMs} ms` : `${when} · failed after ${run.durationMs} ms`;
}

/** Background jobs (next and last run), the scheduler nodes, and the latest failures (the `scheduler` query). */
export function SchedulerSection({ client, timeZone }: { client: GraphQLClient; timeZone: string }) {
  const { state, reload } = useGraphQLQuery(client, queryKeys.admin.scheduler(), SCHEDULER, NO_VARIABLES);
  return (
    <Section id="scheduler" title="Background jobs" lead={`Times are in ${timeZone}.`}>
      {state.status === 'loading' ? <Loading what="the scheduler" /> : null}
      {state.status === 'failed' ? <LoadProblem message={queryFailureMessage(state.failure)} onRetry={() => void reload()} /> : null}
      {state.status === 'ready' && state.data.scheduler ? (
        <>
          <div className="table-scroll" tabIndex={0} role="region" aria-label="Jobs">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Job</th>
                  <th scope="col">State</th>
                  <th scope="col">Next run</th>
                  <th scope="col">Last run</th>
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
                        'not yet'
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>

          <h3 className="subsection__heading">Nodes</h3>
          <ul className="plain-list">
            {state.data.scheduler.nodes.map((node) => (
              <li key={node.instanceId}>
                <span className={node.alive ? 'chip chip--due' : 'chip'}>{node.alive ? 'alive' : 'silent'}</span>{' '}
                {node.instanceId}
                {node.lastCheckin ? <span className="muted"> · checked in {formatDateTime(node.lastCheckin, timeZone)}</span> : null}
              </li>
            ))}
          </ul>

          <h3 className="subsection__heading">Recent failures</h3>
          {state.data.scheduler.recentFailures.length === 0 ? (
            <p className="muted">None. Every recent run went fine.</p>
          ) : (
            <ul className="plain-list">
              {state.data.scheduler.recentFailures.map((run) => (
                <li key={`${run.job}-${run.startedAt}-${run.node}`}>
                  <strong>{run.job}</strong> on {run.node}: {runSummary(run, timeZone)}
                  {run.error ? <span className="table__detail">{run.error}</span> : null}
                </li>
              ))}
            </ul>
          )}
          <div className="form__actions">
            <button type="button" className="button button--small" onClick={() => void reload()}>
              Refresh
            </button>
          </div>
        </>
      ) : null}
    </Section>
  );
}
