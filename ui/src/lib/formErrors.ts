import type { AuthOutcome } from '../auth/session';
import type { UserError } from '../graphql/types';
import type { FieldErrors } from './validation';

export const NETWORK_MESSAGE =
  'We couldn’t reach your assistant. Check your connection and try again — everything you typed is still here.';
export const GENERIC_MESSAGE = 'Something went wrong on our side. Please try again in a moment.';

export interface FormErrors<F extends string> {
  fields: FieldErrors<F>;
  /** Shown at the top of the form: errors about the whole input, or about a field the form does not show. */
  form: string | null;
}

/**
 * Puts each server `userError` next to its field. `field` may be a plain name (`password`) or a path
 * (`input.password`); errors whose field is null or not one of `fields` go to the top of the form.
 */
export function mapUserErrors<F extends string>(userErrors: UserError[], fields: readonly F[]): FormErrors<F> {
  const result: FormErrors<F> = { fields: {}, form: null };
  const formMessages: string[] = [];
  for (const error of userErrors) {
    const name = error.field?.split('.').pop() as F | undefined;
    if (name && fields.includes(name)) {
      if (!result.fields[name]) result.fields[name] = error.message;
    } else {
      formMessages.push(error.message);
    }
  }
  result.form = formMessages.length > 0 ? formMessages.join(' ') : null;
  return result;
}

/** What a failed sign-in/sign-up shows. */
export function errorsForOutcome<F extends string>(
  outcome: Exclude<AuthOutcome, { kind: 'success' }>,
  fields: readonly F[],
): FormErrors<F> {
  switch (outcome.kind) {
    case 'rejected':
      return mapUserErrors(outcome.userErrors, fields);
    case 'network':
      return { fields: {}, form: NETWORK_MESSAGE };
    case 'error':
      return { fields: {}, form: GENERIC_MESSAGE };
  }
}
