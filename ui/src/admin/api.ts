// The documents of the Admin page (admin.graphqls, admin-users.graphqls, sms.graphqls).
import { graphql } from '../graphql/generated';
import type {
  AuditLogQuery,
  JobRunFieldsFragment,
  ManagedUserFieldsFragment,
  SchedulerQuery,
  SmsStatsFieldsFragment,
} from '../graphql/generated/graphql';

// Fragments are defined once here for the generator; documents spread them by name.
graphql(`
  fragment JobRunFields on JobRun {
    job
    node
    startedAt
    durationMs
    succeeded
    error
  }
`);

graphql(`
  fragment ManagedUserFields on ManagedUser {
    id
    email
    displayName
    role
    createdAt
    deactivatedAt
  }
`);

graphql(`
  fragment SmsStatsFields on SmsStats {
    inbound
    outbound
    segments
    estimatedCost
    failed
    failureRate
    sendLatencyP50Ms
    sendLatencyP95Ms
    deliveryLatencyP50Ms
    deliveryLatencyP95Ms
  }
`);

export type JobRun = JobRunFieldsFragment;
export type SchedulerStatus = NonNullable<SchedulerQuery['scheduler']>;
export type ManagedUser = ManagedUserFieldsFragment;
export type AuditEvent = NonNullable<AuditLogQuery['auditLog']>['edges'][number]['node'];
export type SmsStats = SmsStatsFieldsFragment;

export const SCHEDULER = graphql(`
  query Scheduler {
    scheduler {
      jobs { name state nextFireTime previousFireTime lastRun { ...JobRunFields } }
      nodes { instanceId lastCheckin alive }
      recentFailures { ...JobRunFields }
    }
  }
`);

// ---- People and the audit log (admin-users.graphqls) ----

export const USERS = graphql(`
  query Users($search: String, $role: Role, $first: Int, $after: String) {
    users(search: $search, role: $role, first: $first, after: $after) {
      edges { cursor node { ...ManagedUserFields } }
      pageInfo { hasNextPage endCursor }
      totalCount
    }
  }
`);

export const CHANGE_ROLE = graphql(`
  mutation ChangeRole($input: ChangeRoleInput!) {
    changeRole(input: $input) { user { ...ManagedUserFields } userErrors { ...UserErrorFields } }
  }
`);

export const DEACTIVATE_USER = graphql(`
  mutation DeactivateUser($input: DeactivateUserInput!) {
    deactivateUser(input: $input) { user { ...ManagedUserFields } userErrors { ...UserErrorFields } }
  }
`);

export const REACTIVATE_USER = graphql(`
  mutation ReactivateUser($input: ReactivateUserInput!) {
    reactivateUser(input: $input) { user { ...ManagedUserFields } userErrors { ...UserErrorFields } }
  }
`);

export const AUDIT_LOG = graphql(`
  query AuditLog(
    $first: Int
    $after: String
    $action: AuditAction
    $person: ID
    $outcome: AuditOutcome
    $from: DateTime
    $until: DateTime
  ) {
    auditLog(first: $first, after: $after, action: $action, person: $person, outcome: $outcome, from: $from, until: $until) {
      edges {
        cursor
        node {
          occurredAt
          action
          outcome
          actorId
          subjectId
          ip
          userAgent
          actor { id email displayName }
          subject { id email displayName }
          details { name value }
        }
      }
      pageInfo { hasNextPage endCursor }
      totalCount
    }
  }
`);

/** The actions the audit log can be filtered by: the AuditAction enum, as the server lists it. */
export const AUDIT_ACTIONS = graphql(`
  query AuditActions {
    __type(name: "AuditAction") { enumValues { name } }
  }
`);

// ---- SMS analytics (sms.graphqls) ----

export const SMS_ANALYTICS = graphql(`
  query SmsAnalytics($days: Int) {
    smsAnalytics(days: $days) {
      from
      until
      currency
      pricePerSegment
      totals { ...SmsStatsFields }
      days { date stats { ...SmsStatsFields } }
    }
  }
`);
