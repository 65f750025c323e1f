import { useMemo, useState } from 'react';
import { useSession } from '../auth/SessionContext';
import { AuthFormPage } from '../components/AuthForm';
import { EmailField, PasswordField, TextField } from '../components/Field';
import { browserTimeZone, knownTimeZones } from '../lib/dates';
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
  const { fieldProps, ...form } = useAuthForm({
    fields: FIELDS,
    values,
    validate: validateSignUp,
    send: (v) => session.register(normalizeSignUp(v)),
  });
  const zones = useMemo(() => knownTimeZones(), []);

  return (
    <AuthFormPage
      {...form}
      title="Create your account"
      lead="One calm place for everything on your mind. This takes about a minute."
      submitLabel="Create account"
      submittingLabel="Creating your account…"
      footer={
        <>
          Already have an account? <a {...linkProps(PATHS.signin)}>Sign in</a>
        </>
      }
    >
      <TextField
        {...fieldProps('displayName', setDisplayName)}
        label="Display name"
        hint="What should we call you? A first name or nickname is perfect."
        name="displayName"
        autoComplete="nickname"
        value={displayName}
      />
      <EmailField {...fieldProps('email', onEmailChange)} autoComplete="email" value={email} />
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
    </AuthFormPage>
  );
}
