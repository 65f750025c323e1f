// The audit log's filters as the admin sets them, and the query variables they make.
import { addDays, zonedInstant } from '../tasks/format';
import type { AuditAction, AuditLogQueryVariables, AuditOutcome } from '../graphql/generated/graphql';

export interface AuditFilters {
  action: AuditAction | '';
  outcome: AuditOutcome | '';
  /** A person's id and what to call them. */
  person: { id: string; label: string } | null;
  /** Calendar days (YYYY-MM-DD) in the admin's zone, both included; empty for no bound. */
  fromDay: string;
  untilDay: string;
}

export const NO_FILTERS: AuditFilters = { action: '', outcome: '', person: null, fromDay: '', untilDay: '' };

/** The query's variables: days become instants (the start of `fromDay`, the end of `untilDay`) in `timeZone`. */
export function auditVariables(filters: AuditFilters, timeZone: string, first: number, after: string | null): AuditLogQueryVariables {
  return {
    first,
    after,
    action: filters.action || null,
    outcome: filters.outcome || null,
    person: filters.person?.id ?? null,
    from: filters.fromDay ? zonedInstant(filters.fromDay, 0, 0, timeZone) : null,
    until: filters.untilDay ? zonedInstant(addDays(filters.untilDay, 1), 0, 0, timeZone) : null,
  };
}

/** "SIGN_IN_FAILED" as "Sign in failed". */
export function actionLabel(action: string): string {
  const words = action.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
