import { useState } from 'react';
import { Link } from 'react-router';
import { useSession } from '../auth/SessionContext';
import { AuthFormPage } from '../components/AuthForm';
import { PasswordField } from '../components/Field';
import { MessagePage } from '../components/MessagePage';
import { RESET_PASSWORD } from '../graphql/operations';
import { mutationOutcome } from '../lib/formErrors';
import { useTranslation } from '../i18n';
import { PATHS, useAddressToken } from '../lib/router';
import { useForm } from '../lib/useForm';
import { PASSWORD_MIN_LENGTH, validateNewPassword } from '../lib/validation';

const FIELDS = ['newPassword'] as const;

function AskAgainLink() {
  const { t } = useTranslation();
  return <Link to={PATHS.forgotPassword}>{t('reset.askAgain')}</Link>;
}

/** Opened from the reset mail: chooses a new password with the link's token. Every session ends on success. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const token = useAddressToken();
  if (!token) {
    return (
      <MessagePage
        title={t('reset.incompleteTitle')}
        actions={
          <Link className="button button--primary button--block" to={PATHS.forgotPassword}>
            {t('reset.askAgain')}
          </Link>
        }
      >
        <p className="lead">{t('reset.incompleteText')}</p>
      </MessagePage>
    );
  }
  return <ResetPasswordForm token={token} />;
}

function ResetPasswordForm({ token }: { token: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const [newPassword, setNewPassword] = useState('');
  const [done, setDone] = useState(false);
  const { fieldProps, ...form } = useForm({
    fields: FIELDS,
    values: { newPassword },
    validate: (v) => {
      const error = validateNewPassword(v.newPassword);
      return error ? { newPassword: error } : {};
    },
    send: async (v) =>
      mutationOutcome(
        await session.client.request(
          RESET_PASSWORD,
          { input: { token, newPassword: v.newPassword } },
          { authenticated: false, retryOnUnauthorized: false },
        ),
        (d) => d.resetPassword,
      ),
    onSuccess: () => {
      // The server ended every session, this tab's too: forget it here rather than at the next refresh.
      session.signOutLocally();
      setDone(true);
    },
  });

  if (done) {
    return (
      <MessagePage
        title={t('reset.doneTitle')}
        live
        actions={
          <Link className="button button--primary button--block" to={PATHS.signin}>
            {t('common.signIn')}
          </Link>
        }
      >
        <p className="lead">{t('reset.doneText')}</p>
      </MessagePage>
    );
  }

  return (
    <AuthFormPage
      {...form}
      title={t('reset.title')}
      lead={t('reset.lead')}
      submitLabel={t('reset.submit')}
      submittingLabel={t('common.saving')}
      footer={
        <>
          {t('reset.notWorking')} <AskAgainLink />
        </>
      }
    >
      <PasswordField
        {...fieldProps('newPassword', setNewPassword)}
        label={t('reset.newPassword')}
        hint={t('signUp.passwordHint', { min: PASSWORD_MIN_LENGTH })}
        name="newPassword"
        autoComplete="new-password"
        value={newPassword}
      />
    </AuthFormPage>
  );
}
