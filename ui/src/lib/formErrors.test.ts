import { describe, expect, it } from 'vitest';
import { errorsForOutcome, genericMessage, mapUserErrors, networkMessage } from './formErrors';

const FIELDS = ['email', 'password', 'displayName', 'timeZone'] as const;

describe('mapUserErrors', () => {
  it('puts a field error next to its field', () => {
    expect(mapUserErrors([{ field: 'email', message: 'Taken.', code: 'ALREADY_EXISTS' }], FIELDS)).toEqual({
      fields: { email: 'Taken.' },
      form: null,
    });
  });
  it('understands field paths such as input.password', () => {
    const mapped = mapUserErrors([{ field: 'input.password', message: 'Too common.', code: 'TOO_COMMON' }], FIELDS);
    expect(mapped.fields.password).toBe('Too common.');
  });
  it('shows errors without a field, or for a field the form lacks, at the top of the form', () => {
    const mapped = mapUserErrors(
      [
        { field: null, message: 'Wrong email or password.', code: 'INVALID_CREDENTIALS' },
        { field: 'captcha', message: 'Try again.', code: 'INVALID' },
      ],
      FIELDS,
    );
    expect(mapped).toEqual({ fields: {}, form: 'Wrong email or password. Try again.' });
  });
  it('keeps the first message when a field has several', () => {
    const mapped = mapUserErrors(
      [
        { field: 'password', message: 'First.', code: 'TOO_SHORT' },
        { field: 'password', message: 'Second.', code: 'TOO_COMMON' },
      ],
      FIELDS,
    );
    expect(mapped.fields.password).toBe('First.');
  });
});

describe('errorsForOutcome', () => {
  it('a network failure gives the calm retry message', () => {
    expect(errorsForOutcome({ kind: 'network' }, FIELDS)).toEqual({ fields: {}, form: networkMessage() });
  });
  it('GraphQL errors give the generic message', () => {
    expect(errorsForOutcome({ kind: 'error' }, FIELDS)).toEqual({ fields: {}, form: genericMessage() });
  });
  it('userErrors are mapped to fields', () => {
    const outcome = { kind: 'rejected' as const, userErrors: [{ field: 'timeZone', message: 'Unknown.', code: 'UNKNOWN_TIME_ZONE' as const }] };
    expect(errorsForOutcome(outcome, FIELDS).fields.timeZone).toBe('Unknown.');
  });
});
