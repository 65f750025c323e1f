import { useState } from 'react';
import { useSession } from '../auth/SessionContext';
import { AuthFormPage } from '../components/AuthForm';
import { PasswordField } from '../components/Field';
import { MessagePage } from '../components/MessagePage';
import { RESET_PASSWORD } from '../graphql/operations';
import { mutationOutcome } from '../lib/formErrors';
import { linkProps, PATHS, useAddressToken } from '../lib/router';
import { useForm } from '../lib/useForm';
import { PASSWORD_MIN_LENGTH, validateNewPassword } from '../lib/validation';

const FIELDS = ['newPassword'] as const;

function AskAgainLink() {
  return <a {...linkProps(PATHS.forgotPassword)}>Ask for a new link</a>;
}

/** Opened from the reset mail: chooses a new password with the link's token. Every session ends on success. */
export function ResetPasswordPage() {
  const token = useAddressToken();
  if (!token) {
    return (
      <MessagePage
        title="This link is incomplete"
        actions={
          <a className="button button--primary button--block" {...linkProps(PATHS.forgotPassword)}>
            Ask for a new link
          </a>
        }
      >
        <p className="lead">Part of the link seems to be missing. Try opening it again from the mail, or ask for a new one.</p>
      </MessagePage>
    );
  }
  return <ResetPasswordForm token={token} />;
}

function ResetPasswordForm({ token }: { token: string }) {
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
        title="Your password is changed"
        live
        actions={
          <a className="button button--primary button--block" {...linkProps(PATHS.signin)}>
            Sign in
          </a>
        }
      >
        <p className="lead">Sign in with your new password. For your safety, every device that was signed in has been signed out.</p>
      </MessagePage>
    );
  }

  return (
    <AuthFormPage
      {...form}
      title="Choose a new password"
      lead="Pick something you haven’t used here before. This link works once."
      submitLabel="Save new password"
      submittingLabel="Saving…"
      footer={
        <>
          Link not working? <AskAgainLink />
        </>
      }
    >
      <PasswordField
        {...fieldProps('newPassword', setNewPassword)}
        label="New password"
        hint={`At least ${PASSWORD_MIN_LENGTH} characters. A few unrelated words are easy to remember and hard to guess.`}
        name="newPassword"
        autoComplete="new-password"
        value={newPassword}
      />
    </AuthFormPage>
  );
}
