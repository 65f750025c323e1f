import { useNavigate } from 'react-router';
import type { AuthOutcome } from '../auth/session';
import { PATHS } from './router';
import { useForm } from './useForm';
import type { FieldErrors } from './validation';

type Answered = Exclude<AuthOutcome, { kind: 'rejected' | 'network' | 'error' }>;

interface AuthFormOptions<F extends string, V> {
  /** The form's fields in on-screen order: the first one with an error gets focus. */
  fields: readonly F[];
  /** The current input, read when the form is submitted. */
  values: V;
  validate: (values: V) => FieldErrors<F>;
  send: (values: V) => Promise<AuthOutcome>;
  /** Told when the sign-in needs a second step (a code); without it, every success goes to Today. */
  onMfaChallenge?: (challenge: string) => void;
}

/** The sign-in, sign-up and code forms: {@link useForm}, going to Today once signed in. */
export function useAuthForm<F extends string, V>({ onMfaChallenge, ...options }: AuthFormOptions<F, V>) {
  const navigate = useNavigate();
  return useForm({
    ...options,
    onSuccess: (outcome: Answered) => {
      if (outcome.kind === 'mfa' && onMfaChallenge) onMfaChallenge(outcome.challenge);
      else void navigate(PATHS.today, { replace: true });
    },
  });
}
