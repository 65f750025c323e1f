import { useState } from 'react';
import { Link } from 'react-router';
import { useSession } from '../auth/SessionContext';
import { AuthFormPage } from '../components/AuthForm';
import { EmailField } from '../components/Field';
import { MessagePage } from '../components/MessagePage';
import { REQUEST_PASSWORD_RESET } from '../graphql/operations';
import { mutationOutcome } from '../lib/formErrors';
import { Trans, useTranslation } from '../i18n';
import { PATHS } from '../lib/router';
import { useForm } from '../lib/useForm';
import { validateEmail } from '../lib/validation';

const FIELDS = ['email'] as const;

/**
 * Asks for a password reset link. The answer is the same whether or not an account uses the address, so that this
 * page never tells who has an account here.
 */
export function ForgotPasswordPage({ email, onEmailChange }: { email: string; onEmailChange: (email: string) => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { fieldProps, ...form } = useForm({
    fields: FIELDS,
    values: { email },
    validate: (v) => {
      const error = validateEmail(v.email);
      return error ? { email: error } : {};
    },
    send: async (v) =>
      mutationOutcome(
        await session.client.request(
          REQUEST_PASSWORD_RESET,
          { input: { email: v.email.trim() } },
          { authenticated: false, retryOnUnauthorized: false },
        ),
        (d) => d.requestPasswordReset,
      ),
    onSuccess: () => setSentTo(email.trim()),
  });

  if (sentTo !== null) {
    return (
      <MessagePage
        title={t('forgot.sentTitle')}
        live
        actions={
          <Link className="button button--primary button--block" to={PATHS.signin}>
            {t('forgot.back')}
          </Link>
        }
      >
        <p className="lead">
          <Trans i18nKey="forgot.sentText" values={{ email: sentTo }} components={{ address: <strong className="nowrap-anywhere" /> }} />
        </p>
        <p className="muted">{t('forgot.sentHelp')}</p>
      </MessagePage>
    );
  }

  return (
    <AuthFormPage
      {...form}
      title={t('forgot.title')}
      lead={t('forgot.lead')}
      submitLabel={t('forgot.submit')}
      submittingLabel={t('common.sending')}
      footer={
        <>
          {t('forgot.remembered')} <Link to={PATHS.signin}>{t('common.signIn')}</Link>
        </>
      }
    >
      <EmailField {...fieldProps('email', onEmailChange)} autoComplete="email" value={email} />
    </AuthFormPage>
  );
}
