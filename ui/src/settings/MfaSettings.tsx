import { useEffect, useId, useRef, useState } from 'react';
import { Disclosure } from '../components/Disclosure';
import { PasswordField, TextField } from '../components/Field';
import { FormAlert } from '../components/Notice';
import { Loading, LoadProblem, StatusLine, SubmitButton, SubSection } from '../components/Section';
import type { GraphQLClient } from '../graphql/client';
import type { User } from '../graphql/operations';
import { copyText, downloadText } from '../lib/download';
import { failureText, mutationOutcome } from '../lib/formErrors';
import { needsReauthentication, Reauthenticate } from './Reauthenticate';
import { useForm } from '../lib/useForm';
import { queryFailureMessage, useQuery } from '../lib/useQuery';
import {
  CONFIRM_MFA_ENROLMENT,
  DISABLE_MFA,
  MFA_STATUS,
  REGENERATE_BACKUP_CODES,
  START_MFA_ENROLMENT,
  type MfaEnrolment,
} from './api';
import { backupCodesText, groupCode, groupKey } from './backupCodes';

const NO_VARIABLES = {};
const CODE_HINT = 'The 6-digit code your app shows now.';

/**
 * Two-step sign-in with an authenticator app: set up (QR code or key, then a first code), the 10 backup codes shown
 * once with copy and download, new backup codes, and turning it off.
 */
export function MfaSettings({ client, user }: { client: GraphQLClient; user: User }) {
  const { state, reload, replace } = useQuery(client, MFA_STATUS, NO_VARIABLES);
  const [enrolment, setEnrolment] = useState<MfaEnrolment | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const [confirmingItsMe, setConfirmingItsMe] = useState(false);
  const setEnabled = (mfaEnabled: boolean) => replace((data) => (data.me ? { me: { ...data.me, mfaEnabled } } : data));

  const start = async () => {
    if (starting) return;
    setStarting(true);
    setStatus(null);
    const outcome = mutationOutcome(await client.request(START_MFA_ENROLMENT, {}), (d) => d.startMfaEnrolment);
    setStarting(false);
    if (outcome.kind === 'success') setEnrolment(outcome.payload);
    else if (needsReauthentication(outcome)) setConfirmingItsMe(true);
    else setStatus(failureText(outcome));
  };

  const enabled = state.status === 'ready' && state.data.me?.mfaEnabled === true;
  return (
    <SubSection title="Two-step sign-in">
      {state.status === 'loading' ? <Loading what="two-step sign-in" /> : null}
      {state.status === 'failed' ? <LoadProblem message={queryFailureMessage(state.failure)} onRetry={() => void reload()} /> : null}
      {confirmingItsMe ? (
        <Reauthenticate
          client={client}
          onConfirmed={() => {
            setConfirmingItsMe(false);
            void start();
          }}
        />
      ) : codes ? (
        <BackupCodes codes={codes} account={user.email} onDone={() => setCodes(null)} />
      ) : enrolment ? (
        <Enrolment
          client={client}
          enrolment={enrolment}
          onCancel={() => setEnrolment(null)}
          onConfirmed={(backupCodes) => {
            setEnrolment(null);
            setEnabled(true);
            setCodes(backupCodes);
          }}
        />
      ) : state.status === 'ready' && !enabled ? (
        <>
          <p>
            <span className="chip">Off</span> Ask for a code from an authenticator app after your password, so that a
            password alone can’t open your account.
          </p>
          <button type="button" className="button button--small" onClick={start} aria-disabled={starting || undefined}>
            {starting ? 'Starting…' : 'Set up two-step sign-in'}
          </button>
        </>
      ) : enabled ? (
        <>
          <p>
            <span className="chip chip--done">On</span> Signing in asks for a code from your authenticator app.
          </p>
          <div className="stack">
            <RegenerateCodes client={client} onCodes={setCodes} />
            <DisableMfa
              client={client}
              onDisabled={() => {
                setEnabled(false);
                setStatus('Two-step sign-in is off. Your password alone signs you in again.');
              }}
            />
          </div>
        </>
      ) : null}
      <StatusLine message={status} />
    </SubSection>
  );
}

function Enrolment({
  client,
  enrolment,
  onCancel,
  onConfirmed,
}: {
  client: GraphQLClient;
  enrolment: MfaEnrolment;
  onCancel: () => void;
  onConfirmed: (codes: string[]) => void;
}) {
  const [code, setCode] = useState('');
  const [copied, setCopied] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const keyId = useId();
  const form = useForm({
    fields: ['code'] as const,
    values: { code },
    validate: (v) => (/^\d{6}$/.test(v.code.replace(/\s/g, '')) ? {} : { code: 'Enter the 6 digits your app shows.' }),
    send: async (v) =>
      mutationOutcome(
        await client.request(CONFIRM_MFA_ENROLMENT, { input: { code: v.code.replace(/\s/g, '') } }),
        (d) => d.confirmMfaEnrolment,
      ),
    onSuccess: ({ payload }) => onConfirmed(payload.backupCodes ?? []),
  });
  useEffect(() => headingRef.current?.focus(), []);
  const key = enrolment.manualEntryKey ?? '';

  return (
    <div className="enrolment" role="group" aria-labelledby={`${keyId}-heading`}>
      <h4 className="enrolment__heading" id={`${keyId}-heading`} ref={headingRef} tabIndex={-1}>
        Set up your authenticator app
      </h4>
      <ol className="enrolment__steps">
        <li>
          <p>Open an authenticator app on your phone and add an account by scanning this code.</p>
          {enrolment.qrCodePng ? (
            <img className="enrolment__qr" src={enrolment.qrCodePng} width={240} height={240} alt="QR code to scan with your authenticator app" />
          ) : null}
          <p className="muted">Can’t scan it? Enter this key in the app instead:</p>
          <p className="enrolment__key">
            <code id={keyId} data-testid="manual-entry-key">
              {groupKey(key)}
            </code>{' '}
            <button
              type="button"
              className="link-button"
              onClick={async () => setCopied((await copyText(key)) ? 'Key copied.' : 'Select the key to copy it.')}
            >
              Copy key
            </button>
          </p>
          <StatusLine message={copied} />
        </li>
        <li>
          <form className="form" onSubmit={form.onSubmit} noValidate aria-busy={form.submitting}>
            <FormAlert message={form.formError} />
            <TextField
              {...form.fieldProps('code', setCode)}
              label="Code from the app"
              hint={CODE_HINT}
              name="mfaCode"
              inputMode="numeric"
              autoComplete="one-time-code"
              value={code}
            />
            <div className="form__actions">
              <SubmitButton busy={form.submitting} label="Turn on two-step sign-in" busyLabel="Checking…" />
              <button type="button" className="button button--quiet" onClick={onCancel}>
                Cancel
              </button>
            </div>
          </form>
        </li>
      </ol>
    </div>
  );
}

/** The backup codes, this once: copy, download, then "I’ve saved them" hides them for good. */
function BackupCodes({ codes, account, onDone }: { codes: string[]; account: string; onDone: () => void }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [note, setNote] = useState<string | null>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const text = backupCodesText(codes, account, new Date());
  return (
    <div className="backup-codes">
      <h4 className="enrolment__heading" ref={headingRef} tabIndex={-1}>
        Your backup codes
      </h4>
      <p>
        Each one works once, instead of a code from your app — if your phone is lost or flat. Keep them somewhere safe.{' '}
        <strong>This is the only time they’re shown.</strong>
      </p>
      <ol className="backup-codes__list" aria-label="Backup codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{groupCode(code)}</code>
          </li>
        ))}
      </ol>
      <div className="form__actions">
        <button type="button" className="button button--small" onClick={async () => setNote((await copyText(text)) ? 'Codes copied.' : 'Select the codes to copy them.')}>
          Copy codes
        </button>
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            downloadText('personal-assistant-backup-codes.txt', text);
            setNote('Codes downloaded.');
          }}
        >
          Download codes
        </button>
        <button type="button" className="button button--primary" onClick={onDone}>
          I’ve saved them
        </button>
      </div>
      <StatusLine message={note} />
    </div>
  );
}

function RegenerateCodes({ client, onCodes }: { client: GraphQLClient; onCodes: (codes: string[]) => void }) {
  const [open, setOpen] = useState(false);
  const [proof, setProof] = useState<'code' | 'password'>('code');
  const [values, setValues] = useState({ code: '', password: '' });
  const choiceName = useId();
  const form = useForm({
    fields: ['code', 'password'] as const,
    values,
    validate: (v) =>
      proof === 'code'
        ? v.code.trim()
          ? {}
          : { code: 'Enter a code from your app, or a backup code.' }
        : v.password
          ? {}
          : { password: 'Enter your password.' },
    send: async (v) =>
      mutationOutcome(
        await client.request(REGENERATE_BACKUP_CODES, {
          input: proof === 'code' ? { code: v.code.trim() } : { password: v.password },
        }),
        (d) => d.regenerateBackupCodes,
      ),
    onSuccess: ({ payload }) => {
      setOpen(false);
      onCodes(payload.backupCodes ?? []);
    },
  });
  const toggle = (next: boolean) => {
    setOpen(next);
    form.reset();
    setValues({ code: '', password: '' });
  };
  return (
    <Disclosure label="Make new backup codes" open={open} onOpenChange={toggle}>
      <form className="form form--inset" onSubmit={form.onSubmit} noValidate aria-busy={form.submitting}>
        <p className="muted">New codes replace all your current ones. First, show it’s you:</p>
        <FormAlert message={form.formError} />
        <fieldset className="fieldset">
          <legend className="visually-hidden">Show it’s you with</legend>
          <div className="toggle-row">
            <input id={`${choiceName}-code`} type="radio" name={choiceName} checked={proof === 'code'} onChange={() => setProof('code')} />
            <label htmlFor={`${choiceName}-code`}>a code from my app</label>
          </div>
          <div className="toggle-row">
            <input id={`${choiceName}-password`} type="radio" name={choiceName} checked={proof === 'password'} onChange={() => setProof('password')} />
            <label htmlFor={`${choiceName}-password`}>my password</label>
          </div>
        </fieldset>
        {proof === 'code' ? (
          <TextField
            {...form.fieldProps('code', (code) => setValues((v) => ({ ...v, code })))}
            label="Code"
            hint="From your app, or one of your backup codes."
            name="regenerateCode"
            autoComplete="one-time-code"
            value={values.code}
          />
        ) : (
          <PasswordField
            {...form.fieldProps('password', (password) => setValues((v) => ({ ...v, password })))}
            label="Password"
            name="regeneratePassword"
            autoComplete="current-password"
            value={values.password}
          />
        )}
        <div className="form__actions">
          <SubmitButton busy={form.submitting} label="Make new codes" busyLabel="Making them…" />
          <button type="button" className="button button--quiet" onClick={() => toggle(false)}>
            Cancel
          </button>
        </div>
      </form>
    </Disclosure>
  );
}

function DisableMfa({ client, onDisabled }: { client: GraphQLClient; onDisabled: () => void }) {
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState({ password: '', code: '' });
  const form = useForm({
    fields: ['password', 'code'] as const,
    values,
    validate: (v) => ({
      ...(v.password ? {} : { password: 'Enter your password.' }),
      ...(v.code.trim() ? {} : { code: 'Enter a code from your app, or a backup code.' }),
    }),
    send: async (v) =>
      mutationOutcome(
        await client.request(DISABLE_MFA, { input: { password: v.password, code: v.code.trim() } }),
        (d) => d.disableMfa,
      ),
    onSuccess: () => {
      setOpen(false);
      onDisabled();
    },
  });
  const toggle = (next: boolean) => {
    setOpen(next);
    form.reset();
    setValues({ password: '', code: '' });
  };
  return (
    <Disclosure label="Turn off two-step sign-in" open={open} onOpenChange={toggle}>
      <form className="form form--inset" onSubmit={form.onSubmit} noValidate aria-busy={form.submitting}>
        <p className="muted">Your password alone will sign you in again. To be sure it’s you, we ask for both.</p>
        <FormAlert message={form.formError} />
        <PasswordField
          {...form.fieldProps('password', (password) => setValues((v) => ({ ...v, password })))}
          label="Password"
          name="disablePassword"
          autoComplete="current-password"
          value={values.password}
        />
        <TextField
          {...form.fieldProps('code', (code) => setValues((v) => ({ ...v, code })))}
          label="Code"
          hint="From your app, or one of your backup codes."
          name="disableCode"
          autoComplete="one-time-code"
          value={values.code}
        />
        <div className="form__actions">
          <SubmitButton busy={form.submitting} label="Turn off" busyLabel="Turning off…" tone="careful" />
          <button type="button" className="button button--quiet" onClick={() => toggle(false)}>
            Cancel
          </button>
        </div>
      </form>
    </Disclosure>
  );
}
