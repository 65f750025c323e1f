import { useState } from 'react';
import { TextField } from '../components/Field';
import { FormAlert } from '../components/Notice';
import { Loading, LoadProblem, Section, StatusLine, SubmitButton } from '../components/Section';
import type { GraphQLClient } from '../graphql/client';
import { useTranslation } from '../i18n';
import { formatDateTime } from '../lib/dates';
import { failureText, mutationOutcome } from '../lib/formErrors';
import { useForm } from '../lib/useForm';
import { queryFailureMessage, useGraphQLQuery } from '../graphql/query';
import { queryKeys } from '../graphql/queryKeys';
import { ADD_PHONE, PHONE, REMOVE_PHONE, VERIFY_PHONE, type Phone } from './api';
import { needsReauthentication, Reauthenticate } from './Reauthenticate';

const NO_VARIABLES = {};

/** A mobile number for reminders and capture by text: add it, confirm it with the texted code, or remove it. */
export function PhoneSection({ client, timeZone }: { client: GraphQLClient; timeZone: string }) {
  const { t } = useTranslation();
  const { state, reload, replace } = useGraphQLQuery(client, queryKeys.settings.phone(), PHONE, NO_VARIABLES);
  const [status, setStatus] = useState<string | null>(null);
  const setPhone = (phone: Phone | null) => replace((data) => (data.me ? { me: { ...data.me, phone } } : data));
  const phone = state.status === 'ready' ? (state.data.me?.phone ?? null) : null;

  return (
    <Section id="phone" title={t('phone.title')} lead={t('phone.lead')}>
      {state.status === 'loading' ? <Loading what={t('phone.loading')} /> : null}
      {state.status === 'failed' ? <LoadProblem message={queryFailureMessage(state.failure)} onRetry={() => void reload()} /> : null}
      {state.status === 'ready' ? (
        phone === null ? (
          <AddPhone
            client={client}
            onAdded={(added) => {
              setPhone(added);
              setStatus(t('phone.texted', { number: added.number }));
            }}
          />
        ) : phone.verified ? (
          <VerifiedPhone
            client={client}
            phone={phone}
            timeZone={timeZone}
            onRemoved={() => {
              setPhone(null);
              setStatus(t('phone.removed'));
            }}
            onFailed={setStatus}
          />
        ) : (
          <VerifyPhone
            client={client}
            phone={phone}
            timeZone={timeZone}
            onVerified={(verified) => {
              setPhone(verified);
              setStatus(t('phone.confirmed', { number: verified.number }));
            }}
            onResent={(resent) => {
              setPhone(resent);
              setStatus(t('phone.resent', { number: resent.number }));
            }}
            onCancel={() => {
              setStatus(null);
              setPhone(null);
            }}
            onFailed={setStatus}
          />
        )
      ) : null}
      <StatusLine message={status} />
    </Section>
  );
}

function AddPhone({ client, onAdded }: { client: GraphQLClient; onAdded: (phone: Phone) => void }) {
  const { t } = useTranslation();
  const [number, setNumber] = useState('');
  const [confirmingItsMe, setConfirmingItsMe] = useState(false);
  const form = useForm({
    fields: ['number'] as const,
    values: { number },
    validate: (v) => (v.number.replace(/[^\d]/g, '').length >= 6 ? {} : { number: t('phone.numberMissing') }),
    send: async (v) => {
      const outcome = mutationOutcome(await client.request(ADD_PHONE, { input: { number: v.number.trim() } }), (d) => d.addPhone);
      if (outcome.kind !== 'success' && needsReauthentication(outcome)) setConfirmingItsMe(true);
      return outcome;
    },
    invalidates: [queryKeys.settings.phone()],
    onSuccess: ({ payload }) => {
      if (payload.phone) onAdded(payload.phone);
    },
  });
  if (confirmingItsMe) return <Reauthenticate client={client} onConfirmed={() => setConfirmingItsMe(false)} />;
  return (
    <form className="form" onSubmit={form.onSubmit} noValidate aria-busy={form.submitting}>
      <FormAlert message={form.formError} />
      <TextField
        {...form.fieldProps('number', setNumber)}
        label={t('phone.number')}
        hint={t('phone.numberHint')}
        name="phone"
        type="tel"
        autoComplete="tel"
        inputMode="tel"
        value={number}
      />
      <div className="form__actions">
        <SubmitButton busy={form.submitting} label={t('phone.textMe')} busyLabel={t('common.sending')} />
      </div>
    </form>
  );
}

function VerifyPhone({
  client,
  phone,
  timeZone,
  onVerified,
  onResent,
  onCancel,
  onFailed,
}: {
  client: GraphQLClient;
  phone: Phone;
  timeZone: string;
  onVerified: (phone: Phone) => void;
  onResent: (phone: Phone) => void;
  onCancel: () => void;
  onFailed: (message: string) => void;
}) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [resending, setResending] = useState(false);
  const form = useForm({
    fields: ['code'] as const,
    values: { code },
    validate: (v) => (/^\d{6}$/.test(v.code.replace(/\s/g, '')) ? {} : { code: t('phone.sixDigits') }),
    send: async (v) =>
      mutationOutcome(await client.request(VERIFY_PHONE, { input: { code: v.code.replace(/\s/g, '') } }), (d) => d.verifyPhone),
    invalidates: [queryKeys.settings.phone()],
    onSuccess: ({ payload }) => {
      if (payload.phone) onVerified(payload.phone);
    },
  });
  const resend = async () => {
    if (resending) return;
    setResending(true);
    const outcome = mutationOutcome(await client.request(ADD_PHONE, { input: { number: phone.number } }), (d) => d.addPhone);
    setResending(false);
    if (outcome.kind === 'success' && outcome.payload.phone) onResent(outcome.payload.phone);
    else onFailed(outcome.kind === 'success' ? failureText({ kind: 'error' }) : failureText(outcome));
  };
  return (
    <form className="form" onSubmit={form.onSubmit} noValidate aria-busy={form.submitting}>
      <p className="account-line">
        <strong>{phone.number}</strong> <span className="chip">{t('email.notConfirmed')}</span>
      </p>
      <FormAlert message={form.formError} />
      <TextField
        {...form.fieldProps('code', setCode)}
        label={t('phone.code')}
        hint={phone.codeExpiresAt ? t('phone.codeUntil', { when: formatDateTime(phone.codeExpiresAt, timeZone) }) : t('phone.codeHint')}
        name="phoneCode"
        inputMode="numeric"
        autoComplete="one-time-code"
        value={code}
      />
      <div className="form__actions">
        <SubmitButton busy={form.submitting} label={t('phone.confirm')} busyLabel={t('signIn.checking')} />
        <button type="button" className="button button--quiet" onClick={resend} aria-disabled={resending || undefined}>
          {resending ? t('common.sending') : t('phone.newCode')}
        </button>
        <button type="button" className="link-button" onClick={onCancel}>
          {t('phone.other')}
        </button>
      </div>
    </form>
  );
}

function VerifiedPhone({
  client,
  phone,
  timeZone,
  onRemoved,
  onFailed,
}: {
  client: GraphQLClient;
  phone: Phone;
  timeZone: string;
  onRemoved: () => void;
  onFailed: (message: string) => void;
}) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const remove = async () => {
    if (busy) return;
    setBusy(true);
    const outcome = mutationOutcome(await client.request(REMOVE_PHONE, {}), (d) => d.removePhone);
    setBusy(false);
    if (outcome.kind === 'success') onRemoved();
    else {
      setConfirming(false);
      onFailed(failureText(outcome));
    }
  };
  return (
    <>
      <p className="account-line">
        <strong>{phone.number}</strong> <span className="chip chip--done">{t('email.confirmed')}</span>
        {phone.verifiedAt ? <span className="muted">{t('phone.since', { when: formatDateTime(phone.verifiedAt, timeZone) })}</span> : null}
      </p>
      {confirming ? (
        <div className="form__actions" role="group" aria-label={t('phone.removeQuestion')}>
          <button type="button" className="button button--small button--careful" onClick={remove} aria-disabled={busy || undefined}>
            {busy ? t('phone.removing') : t('phone.removeYes')}
          </button>
          <button type="button" className="button button--small" onClick={() => setConfirming(false)}>
            {t('phone.keep')}
          </button>
        </div>
      ) : (
        <button type="button" className="button button--small" onClick={() => setConfirming(true)}>
          {t('phone.remove')}
        </button>
      )}
    </>
  );
}
