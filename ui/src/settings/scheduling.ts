// Working hours and the "leave now" nudge (scheduling.graphqls): the documents, what the form shows for the
// server's setting, what it checks, and what it sends.

import { graphql } from '../graphql/generated';
import type { SchedulingPreferencesQuery, UpdateSchedulingPreferencesInput } from '../graphql/generated/graphql';
import { i18n } from '../i18n';
import type { FieldErrors } from '../lib/validation';

export const SCHEDULING_PREFERENCES = graphql(`
  query SchedulingPreferences {
    schedulingPreferences {
      workStart
      workEnd
      workDays
      leaveNowMinutes
    }
  }
`);

export const UPDATE_SCHEDULING_PREFERENCES = graphql(`
  mutation UpdateSchedulingPreferences($input: UpdateSchedulingPreferencesInput!) {
    updateSchedulingPreferences(input: $input) {
      schedulingPreferences {
        workStart
        workEnd
        workDays
        leaveNowMinutes
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export type SchedulingPreferences = NonNullable<SchedulingPreferencesQuery['schedulingPreferences']>;

/** The server's bounds for how long before an event the nudge comes. */
export const LEAVE_NOW_MIN = 5;
export const LEAVE_NOW_MAX = 240;
/** Offered when the nudge is turned on from off. */
export const DEFAULT_LEAVE_NOW = 15;

export interface SchedulingValues {
  workStart: string;
  workEnd: string;
  /** ISO days of the week, Monday = 1. */
  workDays: number[];
  leaveNow: boolean;
  leaveNowMinutes: string;
}

export type SchedulingField = 'workStart' | 'workEnd' | 'workDays' | 'leaveNowMinutes';
/** The fields in on-screen order (the days are checkboxes: an error there is shown, focus goes to none of them). */
export const SCHEDULING_FIELDS: readonly SchedulingField[] = ['workStart', 'workEnd', 'workDays', 'leaveNowMinutes'];

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

function hhmm(time: string): string {
  return time.trim().slice(0, 5);
}

export function schedulingValues(p: SchedulingPreferences): SchedulingValues {
  return {
    workStart: hhmm(p.workStart),
    workEnd: hhmm(p.workEnd),
    workDays: [...p.workDays].sort((a, b) => a - b),
    leaveNow: p.leaveNowMinutes !== null,
    leaveNowMinutes: String(p.leaveNowMinutes ?? DEFAULT_LEAVE_NOW),
  };
}

export function validateScheduling(values: SchedulingValues): FieldErrors<SchedulingField> {
  const errors: FieldErrors<SchedulingField> = {};
  const start = hhmm(values.workStart);
  const end = hhmm(values.workEnd);
  if (!HH_MM.test(start)) errors.workStart = i18n.t('scheduling.errors.workStart');
  if (!HH_MM.test(end)) errors.workEnd = i18n.t('scheduling.errors.workEnd');
  else if (HH_MM.test(start) && end <= start) errors.workEnd = i18n.t('scheduling.errors.order');
  if (values.workDays.length === 0) errors.workDays = i18n.t('scheduling.errors.workDays');
  if (values.leaveNow) {
    const minutes = values.leaveNowMinutes.trim();
    if (!/^\d+$/.test(minutes) || Number(minutes) < LEAVE_NOW_MIN || Number(minutes) > LEAVE_NOW_MAX) {
      errors.leaveNowMinutes = i18n.t('scheduling.errors.leaveNow', { min: LEAVE_NOW_MIN, max: LEAVE_NOW_MAX });
    }
  }
  return errors;
}

/** Everything is sent: the nudge turned off is an explicit null. */
export function schedulingInput(values: SchedulingValues): Required<UpdateSchedulingPreferencesInput> {
  return {
    workStart: hhmm(values.workStart),
    workEnd: hhmm(values.workEnd),
    workDays: [...values.workDays].sort((a, b) => a - b),
    leaveNowMinutes: values.leaveNow ? Number(values.leaveNowMinutes.trim()) : null,
  };
}
