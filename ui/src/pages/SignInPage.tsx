import { useRef, useState } from 'react';
import { useSession } from '../auth/SessionContext';
import { PasswordField, TextField } from '../components/Field';
import { CenteredPage, FormAlert } from '../components/Notice';
import { PageHeading } from '../components/PageHeading';
import { useDocumentTitle, useFocusOnNavigation } from '../lib/focus';
import { linkProps, PATHS } from '../lib/router';
import { useAuthForm } from '../lib/useAuthForm';
import { normalizeSignIn, validateSignIn, type SignInValues } from '../lib/validation';

const FIELDS = ['email', 'password'] as const;

export function SignInPage({ email, onEmailChange }: { email: string; onEmailChange: (email: string) => void }) {
  const session = useSession();
  const [password, setPassword] = useState('');
  const values: SignInValues = { email, password };
  const { formError, submitting, onSubmit, fieldProps } = useAuthForm({
    fields: FIELDS,
    values,
    validate: validateSignIn,
    send: (v) => session.login(normalizeSignIn(v)),
  });
  const headingRef = useRef<HTMLHeadingElement>(null);
  useDocumentTitle('Sign in');
  useFocusOnNavigation(headingRef);

  return (
    <CenteredPage>
      <PageHeading ref={headingRef}>Sign in</PageHeading>
      <p className="lead">Welcome back. Let’s see what today holds.</p>
      <form className="form" onSubmit={onSubmit} noValidate aria-busy={submitting}>
        <FormAlert message={formError} />
        <TextField
          {...fieldProps('email', onEmailChange)}
          label="Email"
          type="email"
          name="email"
          autoComplete="username"
          inputMode="email"
          autoCapitalize="off"
          spellCheck={false}
          value={email}
        />
        <PasswordField
          {...fieldProps('password', setPassword)}
          label="Password"
          name="password"
          autoComplete="current-password"
          value={password}
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
