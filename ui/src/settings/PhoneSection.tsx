import { useState } from 'react';
import { TextField } from '../components/Field';
import { FormAlert } from '../components/Notice';
import { Loading, LoadProblem, Section, StatusLine, SubmitButton } from '../components/Section';
import type { GraphQLClient } from '../graphql/client';
import { formatDateTime } from '../lib/dates';
import { failureText, mutationOutcome } from '../lib/formErrors';
import { useForm } from '../lib/useForm';
import { queryFailureMessage, useQuery } from '../lib/useQuery';
import { ADD_PHONE, PHONE, REMOVE_PHONE, VERIFY_PHONE, type Phone } from './api';
import { needsReauthentication, Reauthenticate } from './Reauthenticate';

const NO_VARIABLES = {};

/** A mobile number for reminders and capture by text: add it, confirm it with the texted code, or remove it. */
export function PhoneSection({ client, timeZone }: { client: GraphQLClient; timeZone: string }) {
  const { state, reload, replace } = useQuery(client, PHONE, NO_VARIABLES);
  const [status, setStatus] = useState<string | null>(null);
  const setPhone = (phone: Phone | null) => replace((data) => (data.me ? { me: { ...data.me, phone } } : data));
  const phone = state.status === 'ready' ? (state.data.me?.phone ?? null) : null;

  return (
    <Section id="phone" title="Phone" lead="Get reminders by text, and text your assistant a task from anywhere.">
      {state.status === 'loading' ? <Loading what="your phone number" /> : null}
      {state.status === 'failed' ? <LoadProblem message={queryFailureMessage(state.failure)} onRetry={() => void reload()} /> : null}
      {state.status === 'ready' ? (
        phone === null ? (
          <AddPhone
            client={client}
            onAdded={(added) => {
              setPhone(added);
              setStatus(`We texted a code to ${added.number}.`);
            }}
          />
        ) : phone.verified ? (
          <VerifiedPhone
            client={client}
            phone={phone}
            timeZone={timeZone}
            onRemoved={() => {
              setPhone(null);
              setStatus('Your number is removed. No more texts will come to it.');
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
              setStatus(`${verified.number} is confirmed. Reminders can come by text now.`);
            }}
            onResent={(resent) => {
              setPhone(resent);
              setStatus(`A new code is on its way to ${resent.number}.`);
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
  const [number, setNumber] = useState('');
  const [confirmingItsMe, setConfirmingItsMe] = useState(false);
  const form = useForm({
    fields: ['number'] as const,
    values: { number },
    validate: (v) => (v.number.replace(/[^\d]/g, '').length >= 6 ? {} : { number: 'Enter your mobile number, e.g. +1 415 555 0123.' }),
    send: async (v) => {
      const outcome = mutationOutcome(await client.request(ADD_PHONE, { input: { number: v.number.trim() } }), (d) => d.addPhone);
      if (outcome.kind !== 'success' && needsReauthentication(outcome)) setConfirmingItsMe(true);
      return outcome;
    },
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
        label="Mobile number"
        hint="With your country code, like +44 7700 900123. We’ll text it a code to check it’s yours."
        name="phone"
        type="tel"
        autoComplete="tel"
        inputMode="tel"
        value={number}
      />
      <div className="form__actions">
        <SubmitButton busy={form.submitting} label="Text me a code" busyLabel="Sending…" />
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
  const [code, setCode] = useState('');
  const [resending, setResending] = useState(false);
  const form = useForm({
    fields: ['code'] as const,
    values: { code },
    validate: (v) => (/^\d{6}$/.test(v.code.replace(/\s/g, '')) ? {} : { code: 'Enter the 6 digits from the text.' }),
    send: async (v) =>
      mutationOutcome(await client.request(VERIFY_PHONE, { input: { code: v.code.replace(/\s/g, '') } }), (d) => d.verifyPhone),
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
        <strong>{phone.number}</strong> <span className="chip">Not confirmed yet</span>
      </p>
      <FormAlert message={form.formError} />
      <TextField
        {...form.fieldProps('code', setCode)}
        label="Code from the text"
        hint={
          phone.codeExpiresAt
            ? `It works until ${formatDateTime(phone.codeExpiresAt, timeZone)}.`
            : 'The 6 digits we texted you.'
        }
        name="phoneCode"
        inputMode="numeric"
        autoComplete="one-time-code"
        value={code}
      />
      <div className="form__actions">
        <SubmitButton busy={form.submitting} label="Confirm number" busyLabel="Checking…" />
        <button type="button" className="button button--quiet" onClick={resend} aria-disabled={resending || undefined}>
          {resending ? 'Sending…' : 'Send a new code'}
        </button>
        <button type="button" className="link-button" onClick={onCancel}>
          Use a different number
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
        <strong>{phone.number}</strong> <span className="chip chip--done">Confirmed</span>
        {phone.verifiedAt ? <span className="muted">since {formatDateTime(phone.verifiedAt, timeZone)}</span> : null}
      </p>
      {confirming ? (
        <div className="form__actions" role="group" aria-label="Remove your number?">
          <button type="button" className="button button--small button--careful" onClick={remove} aria-disabled={busy || undefined}>
            {busy ? 'Removing…' : 'Yes, remove it'}
          </button>
          <button type="button" className="button button--small" onClick={() => setConfirming(false)}>
            Keep it
          </button>
        </div>
      ) : (
        <button type="button" className="button button--small" onClick={() => setConfirming(true)}>
          Remove number…
        </button>
      )}
    </>
  );
}
