// The GraphQL documents and types of the Settings page (accounts.graphqls).
import type { Operation } from '../graphql/client';
import type { UserError } from '../graphql/types';

const ERRORS = 'userErrors { field message code }';

export interface Preferences {
  /** A task missed this many times is broken into small steps (1–20). */
  breakdownThreshold: number;
  /** Local wall-clock HH:MM; equal start and end mean no quiet hours. */
  quietStart: string;
  quietEnd: string;
  /** When the daily digest mail comes, local HH:MM. */
  digestTime: string;
}

export interface UpdatePreferencesInput {
  breakdownThreshold?: number;
  quietStart?: string;
  quietEnd?: string;
  digestTime?: string;
}

const PREFERENCES_FIELDS = 'breakdownThreshold quietStart quietEnd digestTime';

export const PREFERENCES: Operation<{ me: { id: string; preferences: Preferences } | null }, Record<string, never>> = {
  operationName: 'Preferences',
  query: `query Preferences {
  me { id preferences { ${PREFERENCES_FIELDS} } }
}`,
};

export const UPDATE_PREFERENCES: Operation<
  { updatePreferences: { preferences: Preferences | null; userErrors: UserError[] } },
  { input: UpdatePreferencesInput }
> = {
  operationName: 'UpdatePreferences',
  query: `mutation UpdatePreferences($input: UpdatePreferencesInput!) {
  updatePreferences(input: $input) { preferences { ${PREFERENCES_FIELDS} } ${ERRORS} }
}`,
};
