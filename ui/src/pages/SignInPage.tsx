import { useState } from 'react';
import { useSession } from '../auth/SessionContext';
import { AuthFormPage } from '../components/AuthForm';
import { EmailField, PasswordField } from '../components/Field';
import { linkProps, PATHS } from '../lib/router';
import { useAuthForm } from '../lib/useAuthForm';
import { normalizeSignIn, validateSignIn, type SignInValues } from '../lib/validation';

const FIELDS = ['email', 'password'] as const;

export function SignInPage({ email, onEmailChange }: { email: string; onEmailChange: (email: string) => void }) {
  const session = useSession();
  const [password, setPassword] = useState('');
  const values: SignInValues = { email, password };
  const { fieldProps, ...form } = useAuthForm({
    fields: FIELDS,
    values,
    validate: validateSignIn,
    send: (v) => session.login(normalizeSignIn(v)),
  });

  return (
    <AuthFormPage
      {...form}
      title="Sign in"
      lead="Welcome back. Let’s see what today holds."
      submitLabel="Sign in"
      submittingLabel="Signing in…"
      footer={
        <>
          New here? <a {...linkProps(PATHS.signup)}>Create an account</a>
        </>
      }
    >
      <EmailField {...fieldProps('email', onEmailChange)} autoComplete="username" value={email} />
      <PasswordField
        {...fieldProps('password', setPassword)}
        label="Password"
        name="password"
        autoComplete="current-password"
        value={password}
      />
    </AuthFormPage>
  );
}
