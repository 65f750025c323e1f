import { useState } from 'react';
import { useSession } from '../auth/SessionContext';
import { AuthFormPage } from '../components/AuthForm';
import { EmailField } from '../components/Field';
import { MessagePage } from '../components/MessagePage';
import { REQUEST_PASSWORD_RESET } from '../graphql/operations';
import { mutationOutcome } from '../lib/formErrors';
import { linkProps, PATHS } from '../lib/router';
import { useForm } from '../lib/useForm';
import { validateEmail } from '../lib/validation';

const FIELDS = ['email'] as const;

/**
 * Asks for a password reset link. The answer is the same whether or not an account uses the address, so that this
 * page never tells who has an account here.
 */
export function ForgotPasswordPage({ email, onEmailChange }: { email: string; onEmailChange: (email: string) => void }) {
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
        title="Check your mail"
        live
        actions={
          <a className="button button--primary button--block" {...linkProps(PATHS.signin)}>
            Back to sign in
          </a>
        }
      >
        <p className="lead">
          If an account uses <strong className="nowrap-anywhere">{sentTo}</strong>, a link to choose a new password is on
          its way. It works for 30 minutes.
        </p>
        <p className="muted">Nothing after a few minutes? Look in the spam folder, or ask again in a little while.</p>
      </MessagePage>
    );
  }

  return (
    <AuthFormPage
      {...form}
      title="Forgot your password?"
      lead="It happens. Tell us your email and we’ll send you a link to choose a new one."
      submitLabel="Send me a link"
      submittingLabel="Sending…"
      footer={
        <>
          Remembered it? <a {...linkProps(PATHS.signin)}>Sign in</a>
        </>
      }
    >
      <EmailField {...fieldProps('email', onEmailChange)} autoComplete="email" value={email} />
    </AuthFormPage>
  );
}
