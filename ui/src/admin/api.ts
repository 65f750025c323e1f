// The GraphQL documents and types of the Admin page (admin.graphqls).
import type { Operation } from '../graphql/client';
import type { Connection, Role, UserError } from '../graphql/types';

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

// ---- People and the audit log (admin-users.graphqls) ----

export const ROLES: readonly Role[] = ['USER', 'PREMIUM', 'ADMIN'];

export interface ManagedUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  createdAt: string;
  deactivatedAt: string | null;
}

const MANAGED_USER_FIELDS = 'id email displayName role createdAt deactivatedAt';
const ERRORS = 'userErrors { field message code }';

export interface UsersVariables {
  search?: string | null;
  role?: Role | null;
  first: number;
  after?: string | null;
}

export const USERS: Operation<{ users: Connection<ManagedUser> | null }, UsersVariables> = {
  operationName: 'Users',
  query: `query Users($search: String, $role: Role, $first: Int, $after: String) {
  users(search: $search, role: $role, first: $first, after: $after) {
    edges { cursor node { ${MANAGED_USER_FIELDS} } }
    pageInfo { hasNextPage endCursor }
    totalCount
  }
}`,
};

type ManagedUserPayload = { user: ManagedUser | null; userErrors: UserError[] };

export const CHANGE_ROLE: Operation<{ changeRole: ManagedUserPayload }, { input: { userId: string; role: Role } }> = {
  operationName: 'ChangeRole',
  query: `mutation ChangeRole($input: ChangeRoleInput!) {
  changeRole(input: $input) { user { ${MANAGED_USER_FIELDS} } ${ERRORS} }
}`,
};

export const DEACTIVATE_USER: Operation<{ deactivateUser: ManagedUserPayload }, { input: { userId: string } }> = {
  operationName: 'DeactivateUser',
  query: `mutation DeactivateUser($input: DeactivateUserInput!) {
  deactivateUser(input: $input) { user { ${MANAGED_USER_FIELDS} } ${ERRORS} }
}`,
};

export const REACTIVATE_USER: Operation<{ reactivateUser: ManagedUserPayload }, { input: { userId: string } }> = {
  operationName: 'ReactivateUser',
  query: `mutation ReactivateUser($input: ReactivateUserInput!) {
  reactivateUser(input: $input) { user { ${MANAGED_USER_FIELDS} } ${ERRORS} }
}`,
};

export type AuditOutcome = 'SUCCESS' | 'FAILURE' | 'DENIED';
export const AUDIT_OUTCOMES: readonly AuditOutcome[] = ['SUCCESS', 'FAILURE', 'DENIED'];

export interface AuditEvent {
  occurredAt: string;
  action: string;
  outcome: AuditOutcome;
  actorId: string | null;
  actor: { id: string; email: string; displayName: string } | null;
  subjectId: string | null;
  subject: { id: string; email: string; displayName: string } | null;
  ip: string | null;
  userAgent: string | null;
  details: Array<{ name: string; value: string }>;
}

export interface AuditLogVariables {
  first: number;
  after?: string | null;
  action?: string | null;
  person?: string | null;
  outcome?: AuditOutcome | null;
  from?: string | null;
  until?: string | null;
}

export const AUDIT_LOG: Operation<{ auditLog: Connection<AuditEvent> | null }, AuditLogVariables> = {
  operationName: 'AuditLog',
  query: `query AuditLog(
  $first: Int, $after: String, $action: AuditAction, $person: ID, $outcome: AuditOutcome, $from: DateTime, $until: DateTime
) {
  auditLog(first: $first, after: $after, action: $action, person: $person, outcome: $outcome, from: $from, until: $until) {
    edges {
      cursor
      node {
        occurredAt action outcome actorId subjectId ip userAgent
        actor { id email displayName }
        subject { id email displayName }
        details { name value }
      }
    }
    pageInfo { hasNextPage endCursor }
    totalCount
  }
}`,
};

/** The actions the audit log can be filtered by: the AuditAction enum, as the schema lists it. */
export const AUDIT_ACTIONS: Operation<{ __type: { enumValues: Array<{ name: string }> } | null }, Record<string, never>> = {
  operationName: 'AuditActions',
  query: `query AuditActions {
  __type(name: "AuditAction") { enumValues { name } }
}`,
};

// ---- SMS analytics (sms.graphqls) ----

export interface SmsStats {
  inbound: number;
  outbound: number;
  segments: number;
  estimatedCost: number;
  failed: number;
  failureRate: number | null;
  sendLatencyP50Ms: number | null;
  sendLatencyP95Ms: number | null;
  deliveryLatencyP50Ms: number | null;
  deliveryLatencyP95Ms: number | null;
}

export interface SmsAnalytics {
  from: string;
  until: string;
  currency: string;
  pricePerSegment: number;
  totals: SmsStats;
  days: Array<{ date: string; stats: SmsStats }>;
}

const SMS_STATS_FIELDS =
  'inbound outbound segments estimatedCost failed failureRate sendLatencyP50Ms sendLatencyP95Ms deliveryLatencyP50Ms deliveryLatencyP95Ms';

export const SMS_ANALYTICS: Operation<{ smsAnalytics: SmsAnalytics | null }, { days: number }> = {
  operationName: 'SmsAnalytics',
  query: `query SmsAnalytics($days: Int) {
  smsAnalytics(days: $days) {
    from until currency pricePerSegment
    totals { ${SMS_STATS_FIELDS} }
    days { date stats { ${SMS_STATS_FIELDS} } }
  }
}`,
};
