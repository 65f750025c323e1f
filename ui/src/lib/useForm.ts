import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { createRef, useState, type FormEvent, type RefObject } from 'react';
import { errorsForOutcome, isFailure, type Failure } from './formErrors';
import { hasErrors, type FieldErrors } from './validation';

interface FormOptions<F extends string, V, S extends { kind: string }> {
  /** The form's fields in on-screen order: the first one with an error gets focus. */
  fields: readonly F[];
  /** The current input, read when the form is submitted. */
  values: V;
  validate: (values: V) => FieldErrors<F>;
  send: (values: V) => Promise<S | Failure>;
  /** Told of what `send` answered when it was not a failure. */
  onSuccess: (outcome: S) => void;
  /** The cached reads the write changes (see queryKeys.ts): asked again once it succeeded. */
  invalidates?: readonly QueryKey[];
}

/**
 * The handling every form shares: checks the input, sends it once at a time (a mutation of the query cache, which
 * marks the reads it `invalidates` stale), and otherwise puts each error next to its field (or at the top of the form)
 * and moves focus to the first field in error.
 */
export function useForm<F extends string, V, S extends { kind: string }>({
  fields,
  values,
  validate,
  send,
  onSuccess,
  invalidates = [],
}: FormOptions<F, V, S>) {
  const queryClient = useQueryClient();
  const { mutateAsync } = useMutation({ mutationFn: send });
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
    const outcome = await mutateAsync(values);
    setSubmitting(false);
    if (!isFailure(outcome)) {
      for (const queryKey of invalidates) void queryClient.invalidateQueries({ queryKey });
      onSuccess(outcome as S);
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

  /** Clears every message, e.g. when the form is opened again. */
  const reset = () => {
    setFieldErrors({});
    setFormError(null);
  };

  return { formError, submitting, onSubmit, fieldProps, reset };
}
