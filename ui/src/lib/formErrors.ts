import type { GraphQLResult } from '../graphql/client';
import type { UserError } from '../graphql/operations';
import { i18n } from '../i18n';
import type { FieldErrors } from './validation';

export const networkMessage = () => i18n.t('errors.network');
/** When nothing was typed that could be lost (loading, a button). */
export const offlineMessage = () => i18n.t('errors.offline');
export const genericMessage = () => i18n.t('errors.generic');

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

/** Why a form's request did not succeed: the server refused the input, or it could not be asked. */
export type Failure = { kind: 'rejected'; userErrors: UserError[] } | { kind: 'network' } | { kind: 'error' };

export function isFailure(outcome: { kind: string }): outcome is Failure {
  return outcome.kind === 'rejected' || outcome.kind === 'network' || outcome.kind === 'error';
}

/** A request that failed before any payload: offline, or an answer we cannot use (including a lost session). */
export function failureOf(result: Exclude<GraphQLResult<unknown>, { kind: 'ok' }>): Failure {
  return result.kind === 'network' ? { kind: 'network' } : { kind: 'error' };
}

/**
 * A mutation's answer as a form sees it: success with the payload, the payload's userErrors, or a failure to ask.
 * `pick` takes the payload out of the data.
 */
export function mutationOutcome<T, P extends { userErrors: UserError[] }>(
  result: GraphQLResult<T>,
  pick: (data: T) => P,
): { kind: 'success'; payload: P } | Failure {
  if (result.kind !== 'ok') return failureOf(result);
  const payload = pick(result.data);
  if (payload.userErrors.length > 0) return { kind: 'rejected', userErrors: payload.userErrors };
  return { kind: 'success', payload };
}

/** One line for a failure that has no form field to sit next to (a button's action). */
export function failureText(failure: Failure): string {
  if (failure.kind === 'rejected') return failure.userErrors.map((e) => e.message).join(' ') || genericMessage();
  return failure.kind === 'network' ? networkMessage() : genericMessage();
}

/** What a failed form shows. */
export function errorsForOutcome<F extends string>(outcome: Failure, fields: readonly F[]): FormErrors<F> {
  switch (outcome.kind) {
    case 'rejected':
      return mapUserErrors(outcome.userErrors, fields);
    case 'network':
      return { fields: {}, form: networkMessage() };
    case 'error':
      return { fields: {}, form: genericMessage() };
  }
}
