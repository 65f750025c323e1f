import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useSession } from '../auth/SessionContext';
import { AuthFormPage } from '../components/AuthForm';
import { EmailField, PasswordField, TextField } from '../components/Field';
import { browserTimeZone, knownTimeZones } from '../lib/dates';
import { languageOf, useTranslation } from '../i18n';
import { PATHS } from '../lib/router';
import { useAuthForm } from '../lib/useAuthForm';
import { normalizeSignUp, PASSWORD_MIN_LENGTH, validateSignUp, type SignUpValues } from '../lib/validation';

const FIELDS = ['displayName', 'email', 'password', 'timeZone'] as const;

export function SignUpPage({ email, onEmailChange }: { email: string; onEmailChange: (email: string) => void }) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [timeZone, setTimeZone] = useState(() => browserTimeZone());
  const values: SignUpValues = { email, password, displayName, timeZone };
  const { fieldProps, ...form } = useAuthForm({
    fields: FIELDS,
    values,
    validate: validateSignUp,
    // The account starts in the language this page is shown in (the browser's), so its first mail is too.
    send: (v) => session.register({ ...normalizeSignUp(v), locale: languageOf(i18n.language) ?? 'en' }),
  });
  const zones = useMemo(() => knownTimeZones(), []);

  return (
    <AuthFormPage
      {...form}
      title={t('signUp.title')}
      lead={t('signUp.lead')}
      submitLabel={t('signUp.submit')}
      submittingLabel={t('signUp.submitting')}
      footer={
        <>
          {t('signUp.haveAccount')} <Link to={PATHS.signin}>{t('common.signIn')}</Link>
        </>
      }
    >
      <TextField
        {...fieldProps('displayName', setDisplayName)}
        label={t('signUp.displayName')}
        hint={t('signUp.displayNameHint')}
        name="displayName"
        autoComplete="nickname"
        value={displayName}
      />
      <EmailField {...fieldProps('email', onEmailChange)} autoComplete="email" value={email} />
      <PasswordField
        {...fieldProps('password', setPassword)}
        label={t('signUp.password')}
        hint={t('signUp.passwordHint', { min: PASSWORD_MIN_LENGTH })}
        name="password"
        autoComplete="new-password"
        value={password}
      />
      <TextField
        {...fieldProps('timeZone', setTimeZone)}
        label={t('signUp.timeZone')}
        hint={t('signUp.timeZoneHint')}
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
