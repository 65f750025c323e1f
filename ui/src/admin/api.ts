// The GraphQL documents and types of the Admin page (admin.graphqls).
import type { Operation } from '../graphql/client';

export interface JobRun {
  job: string;
  node: string;
  startedAt: string;
  durationMs: number;
  succeeded: boolean;
  error: string | null;
}

export interface ScheduledJob {
  name: string;
  state: string;
  nextFireTime: string | null;
  previousFireTime: string | null;
  lastRun: JobRun | null;
}

export interface SchedulerNode {
  instanceId: string;
  lastCheckin: string | null;
  alive: boolean;
}

export interface SchedulerStatus {
  jobs: ScheduledJob[];
  nodes: SchedulerNode[];
  recentFailures: JobRun[];
}

const JOB_RUN_FIELDS = 'job node startedAt durationMs succeeded error';

export const SCHEDULER: Operation<{ scheduler: SchedulerStatus | null }, Record<string, never>> = {
  operationName: 'Scheduler',
  query: `query Scheduler {
  scheduler {
    jobs { name state nextFireTime previousFireTime lastRun { ${JOB_RUN_FIELDS} } }
    nodes { instanceId lastCheckin alive }
    recentFailures { ${JOB_RUN_FIELDS} }
  }
}`,
};
