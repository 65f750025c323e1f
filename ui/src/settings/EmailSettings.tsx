import { useState } from 'react';
import { Disclosure } from '../components/Disclosure';
import { EmailField, PasswordField } from '../components/Field';
import { FormAlert } from '../components/Notice';
import { Loading, LoadProblem, StatusLine, SubmitButton, SubSection } from '../components/Section';
import type { GraphQLClient } from '../graphql/client';
import { RESEND_VERIFICATION } from '../graphql/operations';
import { i18n, useTranslation } from '../i18n';
import { failureText, mutationOutcome } from '../lib/formErrors';
import { useForm } from '../lib/useForm';
import { queryFailureMessage, useGraphQLQuery } from '../graphql/query';
import { queryKeys } from '../graphql/queryKeys';
import { validateEmail, type FieldErrors } from '../lib/validation';
import { ACCOUNT_EMAIL, CHANGE_EMAIL } from './api';

const FIELDS = ['newEmail', 'currentPassword'] as const;
type Values = { newEmail: string; currentPassword: string };
const NO_VARIABLES = {};

function validate(values: Values): FieldErrors<keyof Values> {
  const errors: FieldErrors<keyof Values> = {};
  const email = validateEmail(values.newEmail);
  if (email) errors.newEmail = email;
  if (!values.currentPassword) errors.currentPassword = i18n.t('email.passwordMissing');
  return errors;
}

/** The account's address, whether it is confirmed (with a new link on request), and changing it. */
export function EmailSettings({ client }: { client: GraphQLClient }) {
  const { t } = useTranslation();
  const { state, reload } = useGraphQLQuery(client, queryKeys.settings.email(), ACCOUNT_EMAIL, NO_VARIABLES);
  const [status, setStatus] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<Values>({ newEmail: '', currentPassword: '' });
  const form = useForm({
    fields: FIELDS,
    values,
    validate,
    send: async (v: Values) =>
      mutationOutcome(
        await client.request(CHANGE_EMAIL, { input: { newEmail: v.newEmail.trim(), currentPassword: v.currentPassword } }),
        (d) => d.changeEmail,
      ),
    invalidates: [queryKeys.settings.email()],
    onSuccess: ({ payload }) => {
      setOpen(false);
      setValues({ newEmail: '', currentPassword: '' });
      const to = payload.pendingEmail ?? values.newEmail.trim();
      setStatus(t('email.sent', { email: to }));
    },
  });
  const set = (name: keyof Values) => (value: string) => setValues((v) => ({ ...v, [name]: value }));
  const toggle = (next: boolean) => {
    setOpen(next);
    setStatus(null);
    form.reset();
    setValues({ newEmail: '', currentPassword: '' });
  };

  const resend = async () => {
    if (sending) return;
    setSending(true);
    const outcome = mutationOutcome(await client.request(RESEND_VERIFICATION, {}), (d) => d.resendVerification);
    setSending(false);
    setStatus(outcome.kind === 'success' ? t('email.resent') : failureText(outcome));
  };

  return (
    <SubSection title={t('email.title')}>
      {state.status === 'loading' ? <Loading what={t('email.loading')} /> : null}
      {state.status === 'failed' ? <LoadProblem message={queryFailureMessage(state.failure)} onRetry={() => void reload()} /> : null}
      {state.status === 'ready' && state.data.me ? (
        <>
          <p className="account-line">
            <strong className="nowrap-anywhere">{state.data.me.email}</strong>{' '}
            {state.data.me.emailVerified ? (
              <span className="chip chip--done">{t('email.confirmed')}</span>
            ) : (
              <span className="chip">{t('email.notConfirmed')}</span>
            )}
          </p>
          {state.data.me.emailVerified ? null : (
            <p className="muted">
              {t('email.why')}{' '}
              <button type="button" className="link-button link-button--inline" onClick={resend} aria-disabled={sending || undefined}>
                {sending ? t('common.sending') : t('email.resend')}
              </button>
            </p>
          )}
        </>
      ) : null}
      <Disclosure label={t('email.change')} open={open} onOpenChange={toggle}>
        <form className="form form--inset" onSubmit={form.onSubmit} noValidate aria-busy={form.submitting}>
          <FormAlert message={form.formError} />
          <EmailField
            {...form.fieldProps('newEmail', set('newEmail'))}
            label={t('email.newEmail')}
            name="newEmail"
            autoComplete="email"
            value={values.newEmail}
          />
          <PasswordField
            {...form.fieldProps('currentPassword', set('currentPassword'))}
            label={t('email.yourPassword')}
            name="currentPassword"
            autoComplete="current-password"
            value={values.currentPassword}
          />
          <div className="form__actions">
            <SubmitButton busy={form.submitting} label={t('email.send')} busyLabel={t('common.sending')} />
            <button type="button" className="button button--quiet" onClick={() => toggle(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      </Disclosure>
      <StatusLine message={status} />
    </SubSection>
  );
}
