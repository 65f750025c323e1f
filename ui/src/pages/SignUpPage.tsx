import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useSession } from '../auth/SessionContext';
import { PasswordField, TextField } from '../components/Field';
import { CenteredPage, FormAlert } from '../components/Notice';
import { PageHeading } from '../components/PageHeading';
import { browserTimeZone, knownTimeZones } from '../lib/dates';
import { useDocumentTitle, useFocusOnNavigation } from '../lib/focus';
import { errorsForOutcome } from '../lib/formErrors';
import { linkProps, navigate, PATHS } from '../lib/router';
import {
  hasErrors,
  normalizeSignUp,
  PASSWORD_MIN_LENGTH,
  validateSignUp,
  type FieldErrors,
  type SignUpValues,
} from '../lib/validation';

const FIELDS = ['displayName', 'email', 'password', 'timeZone'] as const;
type Field = (typeof FIELDS)[number];

export function SignUpPage({ email, onEmailChange }: { email: string; onEmailChange: (email: string) => void }) {
  const session = useSession();
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [timeZone, setTimeZone] = useState(() => browserTimeZone());
  const [fieldErrors, setFieldErrors] = useState<FieldErrors<Field>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const zones = useMemo(() => knownTimeZones(), []);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const inputs = {
    displayName: useRef<HTMLInputElement>(null),
    email: useRef<HTMLInputElement>(null),
    password: useRef<HTMLInputElement>(null),
    timeZone: useRef<HTMLInputElement>(null),
  };
  useDocumentTitle('Create your account');
  useFocusOnNavigation(headingRef);

  const focusFirstInvalid = (errors: FieldErrors<Field>) => {
    const first = FIELDS.find((f) => errors[f]);
    if (first) inputs[first].current?.focus();
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (submitting) return;
    const values: SignUpValues = { email, password, displayName, timeZone };
    const errors = validateSignUp(values);
    setFieldErrors(errors);
    setFormError(null);
    if (hasErrors(errors)) {
      focusFirstInvalid(errors);
      return;
    }
    setSubmitting(true);
    const outcome = await session.register(normalizeSignUp(values));
    setSubmitting(false);
    if (outcome.kind === 'success') {
      navigate(PATHS.today, { replace: true });
      return;
    }
    const mapped = errorsForOutcome(outcome, FIELDS);
    setFieldErrors(mapped.fields);
    setFormError(mapped.form);
    focusFirstInvalid(mapped.fields);
  };

  const clearFieldError = (field: Field) => {
    if (fieldErrors[field]) setFieldErrors((prev) => ({ ...prev, [field]: undefined }));
  };

  return (
    <CenteredPage>
      <PageHeading ref={headingRef}>Create your account</PageHeading>
      <p className="lead">One calm place for everything on your mind. This takes about a minute.</p>
      <form className="form" onSubmit={onSubmit} noValidate aria-busy={submitting}>
        <FormAlert message={formError} />
        <TextField
          ref={inputs.displayName}
          label="Display name"
          hint="What should we call you? A first name or nickname is perfect."
          name="displayName"
          autoComplete="nickname"
          value={displayName}
          onValueChange={(v) => {
            setDisplayName(v);
            clearFieldError('displayName');
          }}
          error={fieldErrors.displayName}
        />
        <TextField
          ref={inputs.email}
          label="Email"
          type="email"
          name="email"
          autoComplete="email"
          inputMode="email"
          autoCapitalize="off"
          spellCheck={false}
          value={email}
          onValueChange={(v) => {
            onEmailChange(v);
            clearFieldError('email');
          }}
          error={fieldErrors.email}
        />
        <PasswordField
          ref={inputs.password}
          label="Password"
          hint={`At least ${PASSWORD_MIN_LENGTH} characters. A few unrelated words are easy to remember and hard to guess.`}
          name="password"
          autoComplete="new-password"
          value={password}
          onValueChange={(v) => {
            setPassword(v);
            clearFieldError('password');
          }}
          error={fieldErrors.password}
        />
        <TextField
          ref={inputs.timeZone}
          label="Time zone"
          hint="We guessed it from this device. It sets when your day starts and ends."
          name="timeZone"
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          list={zones.length > 0 ? 'pa-time-zones' : undefined}
          value={timeZone}
          onValueChange={(v) => {
            setTimeZone(v);
            clearFieldError('timeZone');
          }}
          error={fieldErrors.timeZone}
        />
        {zones.length > 0 ? (
          <datalist id="pa-time-zones">
            {zones.map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
        ) : null}
        <button className="button button--primary button--block" type="submit" aria-disabled={submitting || undefined}>
          {submitting ? 'Creating your account…' : 'Create account'}
        </button>
      </form>
      <p className="switch">
        Already have an account? <a {...linkProps(PATHS.signin)}>Sign in</a>
      </p>
    </CenteredPage>
  );
}
