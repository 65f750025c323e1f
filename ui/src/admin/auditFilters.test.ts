import { describe, expect, it } from 'vitest';
import { actionLabel, auditVariables, NO_FILTERS } from './auditFilters';

describe('auditVariables', () => {
  it('asks for everything without filters', () => {
    expect(auditVariables(NO_FILTERS, 'Europe/Paris', 25, null)).toEqual({
      first: 25,
      after: null,
      action: null,
      outcome: null,
      person: null,
      from: null,
      until: null,
    });
  });
  it('reads the days in the admin’s zone, the last day included', () => {
    const variables = auditVariables(
      { action: 'ROLE_CHANGED', outcome: 'SUCCESS', person: { id: 'VXNlcjox', label: 'Ada' }, fromDay: '2026-11-01', untilDay: '2026-11-25' },
      'Europe/Paris',
      25,
      'cursor-1',
    );
    expect(variables).toMatchObject({ action: 'ROLE_CHANGED', outcome: 'SUCCESS', person: 'VXNlcjox', after: 'cursor-1' });
    expect(new Date(variables.from!).toISOString()).toBe('2026-10-31T23:00:00.000Z');
    expect(new Date(variables.until!).toISOString()).toBe('2026-11-25T23:00:00.000Z');
  });
});

describe('actionLabel', () => {
  it('reads an action in words', () => {
    expect(actionLabel('SIGN_IN_FAILED')).toBe('Sign in failed');
  });
});
