import { useMemo, useRef, useState } from 'react';
import { useSession } from '../auth/SessionContext';
import { PasswordField, TextField } from '../components/Field';
import { CenteredPage, FormAlert } from '../components/Notice';
import { PageHeading } from '../components/PageHeading';
import { browserTimeZone, knownTimeZones } from '../lib/dates';
import { useDocumentTitle, useFocusOnNavigation } from '../lib/focus';
import { linkProps, PATHS } from '../lib/router';
import { useAuthForm } from '../lib/useAuthForm';
import { normalizeSignUp, PASSWORD_MIN_LENGTH, validateSignUp, type SignUpValues } from '../lib/validation';

const FIELDS = ['displayName', 'email', 'password', 'timeZone'] as const;

export function SignUpPage({ email, onEmailChange }: { email: string; onEmailChange: (email: string) => void }) {
  const session = useSession();
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [timeZone, setTimeZone] = useState(() => browserTimeZone());
  const values: SignUpValues = { email, password, displayName, timeZone };
  const { formError, submitting, onSubmit, fieldProps } = useAuthForm({
    fields: FIELDS,
    values,
    validate: validateSignUp,
    send: (v) => session.register(normalizeSignUp(v)),
  });
  const zones = useMemo(() => knownTimeZones(), []);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useDocumentTitle('Create your account');
  useFocusOnNavigation(headingRef);

  return (
    <CenteredPage>
      <PageHeading ref={headingRef}>Create your account</PageHeading>
      <p className="lead">One calm place for everything on your mind. This takes about a minute.</p>
      <form className="form" onSubmit={onSubmit} noValidate aria-busy={submitting}>
        <FormAlert message={formError} />
        <TextField
          {...fieldProps('displayName', setDisplayName)}
          label="Display name"
          hint="What should we call you? A first name or nickname is perfect."
          name="displayName"
          autoComplete="nickname"
          value={displayName}
        />
        <TextField
          {...fieldProps('email', onEmailChange)}
          label="Email"
          type="email"
          name="email"
          autoComplete="email"
          inputMode="email"
          autoCapitalize="off"
          spellCheck={false}
          value={email}
        />
        <PasswordField
          {...fieldProps('password', setPassword)}
          label="Password"
          hint={`At least ${PASSWORD_MIN_LENGTH} characters. A few unrelated words are easy to remember and hard to guess.`}
          name="password"
          autoComplete="new-password"
          value={password}
        />
        <TextField
          {...fieldProps('timeZone', setTimeZone)}
          label="Time zone"
          hint="We guessed it from this device. It sets when your day starts and ends."
          name="timeZone"
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          list={zones.length > 0 ? 'pa-time-zones' : undefined}
          value={timeZone}
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
