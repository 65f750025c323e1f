import { createRef, useState, type FormEvent, type RefObject } from 'react';
import type { AuthOutcome } from '../auth/session';
import { errorsForOutcome } from './formErrors';
import { navigate, PATHS } from './router';
import { hasErrors, type FieldErrors } from './validation';

interface AuthFormOptions<F extends string, V> {
  /** The form's fields in on-screen order: the first one with an error gets focus. */
  fields: readonly F[];
  /** The current input, read when the form is submitted. */
  values: V;
  validate: (values: V) => FieldErrors<F>;
  send: (values: V) => Promise<AuthOutcome>;
}

/**
 * The shared handling of the sign-in and sign-up forms: checks the input, sends it once at a time,
 * goes to Today on success, and otherwise puts each error next to its field (or at the top of the
 * form) and moves focus to the first field in error.
 */
export function useAuthForm<F extends string, V>({ fields, values, validate, send }: AuthFormOptions<F, V>) {
  const [fieldErrors, setFieldErrors] = useState<FieldErrors<F>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [inputs] = useState(
    () => Object.fromEntries(fields.map((f) => [f, createRef<HTMLInputElement>()])) as Record<F, RefObject<HTMLInputElement>>,
  );

  const focusFirstInvalid = (errors: FieldErrors<F>) => {
    const first = fields.find((f) => errors[f]);
    if (first) inputs[first].current?.focus();
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (submitting) return;
    const errors = validate(values);
    setFieldErrors(errors);
    setFormError(null);
    if (hasErrors(errors)) {
      focusFirstInvalid(errors);
      return;
    }
    setSubmitting(true);
    const outcome = await send(values);
    setSubmitting(false);
    if (outcome.kind === 'success') {
      navigate(PATHS.today, { replace: true });
      return;
    }
    const mapped = errorsForOutcome(outcome, fields);
    setFieldErrors(mapped.fields);
    setFormError(mapped.form);
    focusFirstInvalid(mapped.fields);
  };

  const clearFieldError = (field: F) => {
    if (fieldErrors[field]) setFieldErrors((prev) => ({ ...prev, [field]: undefined }));
  };

  /** Props tying one input to the form: its ref, its error, and a change handler that clears that error. */
  const fieldProps = (field: F, onChange: (value: string) => void) => ({
    ref: inputs[field],
    error: fieldErrors[field],
    onValueChange: (value: string) => {
      onChange(value);
      clearFieldError(field);
    },
  });

  return { formError, submitting, onSubmit, fieldProps };
}
