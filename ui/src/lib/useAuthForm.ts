import type { AuthOutcome } from '../auth/session';
import { navigate, PATHS } from './router';
import { useForm } from './useForm';
import type { FieldErrors } from './validation';

interface AuthFormOptions<F extends string, V> {
  /** The form's fields in on-screen order: the first one with an error gets focus. */
  fields: readonly F[];
  /** The current input, read when the form is submitted. */
  values: V;
  validate: (values: V) => FieldErrors<F>;
  send: (values: V) => Promise<AuthOutcome>;
}

/** The sign-in and sign-up forms: {@link useForm}, going to Today once signed in. */
export function useAuthForm<F extends string, V>(options: AuthFormOptions<F, V>) {
  return useForm({ ...options, onSuccess: () => navigate(PATHS.today, { replace: true }) });
}
