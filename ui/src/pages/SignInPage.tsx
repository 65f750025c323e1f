import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useSession, useSessionState } from '../auth/SessionContext';
import { AuthFormPage } from '../components/AuthForm';
import { EmailField, PasswordField, TextField } from '../components/Field';
import { i18n, useTranslation } from '../i18n';
import { PATHS, queryParam, useForgetQuery } from '../lib/router';
import { useAuthForm } from '../lib/useAuthForm';
import { providerErrorMessage } from '../oidc/messages';
import { ProviderButtons } from '../oidc/ProviderButtons';
import { normalizeSignIn, validateSignIn, type SignInValues } from '../lib/validation';

const FIELDS = ['email', 'password'] as const;

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
  // The account was just deleted in this tab: say goodbye.
  const state = useSessionState();
  const [info] = useState(() => (state.status === 'signedOut' && state.farewell === 'accountDeleted' ? i18n.t('signIn.deleted') : null));
  const forgetQuery = useForgetQuery();
  useEffect(() => {
    forgetQuery('error', 'mfaChallenge');
  }, []); // Once, at arrival.
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
  const { t } = useTranslation();
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
      title={t('signIn.title')}
      lead={t('signIn.lead')}
      submitLabel={t('signIn.submit')}
      submittingLabel={t('signIn.submitting')}
      footer={
        <>
          {t('signIn.newHere')} <Link to={PATHS.signup}>{t('signIn.createAccount')}</Link>
        </>
      }
    >
      <EmailField {...fieldProps('email', onEmailChange)} autoComplete="username" value={email} />
      <PasswordField
        {...fieldProps('password', setPassword)}
        label={t('signIn.password')}
        name="password"
        autoComplete="current-password"
        value={password}
      />
      <p className="form__aside">
        <Link to={PATHS.forgotPassword}>{t('signIn.forgot')}</Link>
      </p>
    </AuthFormPage>
  );
}

/** The second step: a 6-digit code from the app, or a backup code. An expired challenge goes back to the password. */
function CodeStep({ challenge, onRestart }: { challenge: string; onRestart: (message: string | null) => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const [code, setCode] = useState('');
  const { fieldProps, ...form } = useAuthForm({
    fields: CODE_FIELDS,
    values: { code },
    validate: (v) => (v.code.trim() ? {} : { code: t('signIn.codeMissing') }),
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
      title={t('signIn.codeTitle')}
      lead={t('signIn.codeLead')}
      submitLabel={t('signIn.verify')}
      submittingLabel={t('signIn.checking')}
      footer={
        <button type="button" className="link-button" onClick={() => onRestart(null)}>
          {t('signIn.restart')}
        </button>
      }
    >
      <TextField
        {...fieldProps('code', setCode)}
        label={t('signIn.code')}
        hint={t('signIn.codeHint')}
        name="code"
        autoComplete="one-time-code"
        autoCapitalize="off"
        spellCheck={false}
        value={code}
      />
    </AuthFormPage>
  );
}
