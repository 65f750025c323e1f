// The Preferences form: what it shows for the server's preferences, what it checks, and what it sends.

import { i18n } from '../i18n';
import type { FieldErrors } from '../lib/validation';
import type { UpdatePreferencesInput } from '../graphql/generated/graphql';
import type { Preferences } from './api';

export const THRESHOLD_MIN = 1;
export const THRESHOLD_MAX = 20;
/** Shown when quiet hours are turned on from none. */
export const DEFAULT_QUIET = { start: '22:00', end: '07:00' } as const;

export interface PreferencesValues {
  breakdownThreshold: string;
  quietHours: boolean;
  quietStart: string;
  quietEnd: string;
  digestTime: string;
}

export type PreferencesField = 'breakdownThreshold' | 'quietStart' | 'quietEnd' | 'digestTime';
export const PREFERENCES_FIELDS: readonly PreferencesField[] = ['breakdownThreshold', 'quietStart', 'quietEnd', 'digestTime'];

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Seconds, when a browser adds them ("21:30:00"), are not ours to keep. */
function hhmm(time: string): string {
  return time.trim().slice(0, 5);
}

export function preferencesValues(p: Preferences): PreferencesValues {
  const quietHours = p.quietStart !== p.quietEnd;
  return {
    breakdownThreshold: String(p.breakdownThreshold),
    quietHours,
    quietStart: quietHours ? hhmm(p.quietStart) : DEFAULT_QUIET.start,
    quietEnd: quietHours ? hhmm(p.quietEnd) : DEFAULT_QUIET.end,
    digestTime: hhmm(p.digestTime),
  };
}

export function validatePreferences(values: PreferencesValues): FieldErrors<PreferencesField> {
  const errors: FieldErrors<PreferencesField> = {};
  const threshold = values.breakdownThreshold.trim();
  if (!/^\d+$/.test(threshold) || Number(threshold) < THRESHOLD_MIN || Number(threshold) > THRESHOLD_MAX) {
    errors.breakdownThreshold = i18n.t('preferences.errors.threshold', { min: THRESHOLD_MIN, max: THRESHOLD_MAX });
  }
  if (values.quietHours) {
    if (!HH_MM.test(hhmm(values.quietStart))) errors.quietStart = i18n.t('preferences.errors.quietStart');
    if (!HH_MM.test(hhmm(values.quietEnd))) errors.quietEnd = i18n.t('preferences.errors.quietEnd');
    else if (hhmm(values.quietStart) === hhmm(values.quietEnd)) {
      errors.quietEnd = i18n.t('preferences.errors.quietSame');
    }
  }
  if (!HH_MM.test(hhmm(values.digestTime))) errors.digestTime = i18n.t('preferences.errors.digest');
  return errors;
}

/** Quiet hours turned off are sent as an equal start and end, which the server reads as none. */
const NO_QUIET_HOURS = '00:00';

export function preferencesInput(values: PreferencesValues): Required<UpdatePreferencesInput> {
  return {
    breakdownThreshold: Number(values.breakdownThreshold.trim()),
    quietStart: values.quietHours ? hhmm(values.quietStart) : NO_QUIET_HOURS,
    quietEnd: values.quietHours ? hhmm(values.quietEnd) : NO_QUIET_HOURS,
    digestTime: hhmm(values.digestTime),
  };
}
