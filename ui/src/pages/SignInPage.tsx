import { useEffect, useState } from 'react';
import { useSession } from '../auth/SessionContext';
import { AuthFormPage } from '../components/AuthForm';
import { EmailField, PasswordField, TextField } from '../components/Field';
import { forgetQuery, linkProps, PATHS, queryParam } from '../lib/router';
import { useAuthForm } from '../lib/useAuthForm';
import { providerErrorMessage } from '../oidc/messages';
import { ProviderButtons } from '../oidc/ProviderButtons';
import { normalizeSignIn, validateSignIn, type SignInValues } from '../lib/validation';

const FIELDS = ['email', 'password'] as const;

/** What the sign-in page says about how the browser got here: the account was just deleted. */
function arrivalInfo(): string | null {
  return queryParam('deleted') ? 'Your account and everything in it are deleted. Take care of yourself.' : null;
}

/** ... or a sign-in through Google or Microsoft was refused (/signin?error=CODE). */
function arrivalProblem(): string | null {
  const error = queryParam('error');
  return error ? providerErrorMessage(error) : null;
}
const CODE_FIELDS = ['code'] as const;

/** Signing in: email and password, then a code from the authenticator app when two-step sign-in is on. */
export function SignInPage({ email, onEmailChange }: { email: string; onEmailChange: (email: string) => void }) {
  // A sign-in through Google or Microsoft comes back here with a challenge when the account asks for a code.
  const [challenge, setChallenge] = useState<string | null>(() => queryParam('mfaChallenge'));
  const [expired, setExpired] = useState<string | null>(arrivalProblem);
  const [info] = useState(arrivalInfo);
  useEffect(() => {
    if (window.location.search) forgetQuery('deleted', 'error', 'mfaChallenge');
  }, []);
  if (challenge) {
    return (
      <CodeStep
        challenge={challenge}
        onRestart={(message) => {
          setExpired(message);
          setChallenge(null);
        }}
      />
    );
  }
  return (
    <PasswordStep
      email={email}
      onEmailChange={onEmailChange}
      notice={expired}
      info={info}
      onChallenge={(next) => {
        setExpired(null);
        setChallenge(next);
      }}
    />
  );
}

function PasswordStep({
  email,
  onEmailChange,
  notice,
  info,
  onChallenge,
}: {
  email: string;
  onEmailChange: (email: string) => void;
  notice: string | null;
  info: string | null;
  onChallenge: (challenge: string) => void;
}) {
  const session = useSession();
  const [password, setPassword] = useState('');
  const values: SignInValues = { email, password };
  const { fieldProps, ...form } = useAuthForm({
    fields: FIELDS,
    values,
    validate: validateSignIn,
    send: (v) => session.login(normalizeSignIn(v)),
    onMfaChallenge: onChallenge,
  });

  return (
    <AuthFormPage
      {...form}
      formError={form.formError ?? notice}
      info={info}
      after={<ProviderButtons />}
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
      <p className="form__aside">
        <a {...linkProps(PATHS.forgotPassword)}>Forgot password?</a>
      </p>
    </AuthFormPage>
  );
}

/** The second step: a 6-digit code from the app, or a backup code. An expired challenge goes back to the password. */
function CodeStep({ challenge, onRestart }: { challenge: string; onRestart: (message: string | null) => void }) {
  const session = useSession();
  const [code, setCode] = useState('');
  const { fieldProps, ...form } = useAuthForm({
    fields: CODE_FIELDS,
    values: { code },
    validate: (v) => (v.code.trim() ? {} : { code: 'Enter the 6-digit code your app shows, or a backup code.' }),
    send: async (v) => {
      const outcome = await session.verifyMfa({ challenge, code: v.code.trim() });
      const gone = outcome.kind === 'rejected' && outcome.userErrors.find((e) => e.code === 'NOT_AUTHENTICATED');
      if (gone) onRestart(gone.message);
      return outcome;
    },
  });

  return (
    <AuthFormPage
      {...form}
      title="Enter your code"
      lead="Open your authenticator app and type the 6-digit code it shows for Personal Assistant."
      submitLabel="Verify"
      submittingLabel="Checking…"
      footer={
        <button type="button" className="link-button" onClick={() => onRestart(null)}>
          Start again with your password
        </button>
      }
    >
      <TextField
        {...fieldProps('code', setCode)}
        label="Code"
        hint="No phone at hand? One of your backup codes works too."
        name="code"
        autoComplete="one-time-code"
        autoCapitalize="off"
        spellCheck={false}
        value={code}
      />
    </AuthFormPage>
  );
}
