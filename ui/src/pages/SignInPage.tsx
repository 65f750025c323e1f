import { useRef, useState, type FormEvent } from 'react';
import { useSession } from '../auth/SessionContext';
import { PasswordField, TextField } from '../components/Field';
import { CenteredPage, FormAlert } from '../components/Notice';
import { PageHeading } from '../components/PageHeading';
import { useDocumentTitle, useFocusOnNavigation } from '../lib/focus';
import { errorsForOutcome } from '../lib/formErrors';
import { linkProps, navigate, PATHS } from '../lib/router';
import { hasErrors, normalizeSignIn, validateSignIn, type FieldErrors, type SignInValues } from '../lib/validation';

const FIELDS = ['email', 'password'] as const;
type Field = (typeof FIELDS)[number];

export function SignInPage({ email, onEmailChange }: { email: string; onEmailChange: (email: string) => void }) {
  const session = useSession();
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors<Field>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const inputs = { email: useRef<HTMLInputElement>(null), password: useRef<HTMLInputElement>(null) };
  useDocumentTitle('Sign in');
  useFocusOnNavigation(headingRef);

  const focusFirstInvalid = (errors: FieldErrors<Field>) => {
    const first = FIELDS.find((f) => errors[f]);
    if (first) inputs[first].current?.focus();
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (submitting) return;
    const values: SignInValues = { email, password };
    const errors = validateSignIn(values);
    setFieldErrors(errors);
    setFormError(null);
    if (hasErrors(errors)) {
      focusFirstInvalid(errors);
      return;
    }
    setSubmitting(true);
    const outcome = await session.login(normalizeSignIn(values));
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
      <PageHeading ref={headingRef}>Sign in</PageHeading>
      <p className="lead">Welcome back. Let’s see what today holds.</p>
      <form className="form" onSubmit={onSubmit} noValidate aria-busy={submitting}>
        <FormAlert message={formError} />
        <TextField
          ref={inputs.email}
          label="Email"
          type="email"
          name="email"
          autoComplete="username"
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
          name="password"
          autoComplete="current-password"
          value={password}
          onValueChange={(v) => {
            setPassword(v);
            clearFieldError('password');
          }}
          error={fieldErrors.password}
        />
        <button className="button button--primary button--block" type="submit" aria-disabled={submitting || undefined}>
          {submitting ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p className="switch">
        New here? <a {...linkProps(PATHS.signup)}>Create an account</a>
      </p>
    </CenteredPage>
  );
}
