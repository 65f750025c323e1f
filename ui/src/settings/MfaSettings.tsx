import { useEffect, useId, useRef, useState } from 'react';
import { Disclosure } from '../components/Disclosure';
import { PasswordField, TextField } from '../components/Field';
import { FormAlert } from '../components/Notice';
import { Loading, LoadProblem, StatusLine, SubmitButton, SubSection } from '../components/Section';
import type { GraphQLClient } from '../graphql/client';
import type { User } from '../graphql/operations';
import { Trans, useTranslation } from '../i18n';
import { copyText, downloadText } from '../lib/download';
import { failureText, mutationOutcome } from '../lib/formErrors';
import { needsReauthentication, Reauthenticate } from './Reauthenticate';
import { useForm } from '../lib/useForm';
import { queryFailureMessage, useGraphQLQuery } from '../graphql/query';
import { queryKeys } from '../graphql/queryKeys';
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

/**
 * Two-step sign-in with an authenticator app: set up (QR code or key, then a first code), the 10 backup codes shown
 * once with copy and download, new backup codes, and turning it off.
 */
export function MfaSettings({ client, user }: { client: GraphQLClient; user: User }) {
  const { t } = useTranslation();
  const { state, reload, replace } = useGraphQLQuery(client, queryKeys.settings.mfa(), MFA_STATUS, NO_VARIABLES);
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
    <SubSection title={t('mfa.title')}>
      {state.status === 'loading' ? <Loading what={t('mfa.loading')} /> : null}
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
            <span className="chip">{t('mfa.off')}</span> {t('mfa.offText')}
          </p>
          <button type="button" className="button button--small" onClick={start} aria-disabled={starting || undefined}>
            {starting ? t('mfa.starting') : t('mfa.setUp')}
          </button>
        </>
      ) : enabled ? (
        <>
          <p>
            <span className="chip chip--done">{t('mfa.on')}</span> {t('mfa.onText')}
          </p>
          <div className="stack">
            <RegenerateCodes client={client} onCodes={setCodes} />
            <DisableMfa
              client={client}
              onDisabled={() => {
                setEnabled(false);
                setStatus(t('mfa.turnedOff'));
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
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [copied, setCopied] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const keyId = useId();
  const form = useForm({
    fields: ['code'] as const,
    values: { code },
    validate: (v) => (/^\d{6}$/.test(v.code.replace(/\s/g, '')) ? {} : { code: t('mfa.sixDigits') }),
    send: async (v) =>
      mutationOutcome(
        await client.request(CONFIRM_MFA_ENROLMENT, { input: { code: v.code.replace(/\s/g, '') } }),
        (d) => d.confirmMfaEnrolment,
      ),
    invalidates: [queryKeys.settings.mfa()],
    onSuccess: ({ payload }) => onConfirmed(payload.backupCodes ?? []),
  });
  useEffect(() => headingRef.current?.focus(), []);
  const key = enrolment.manualEntryKey ?? '';

  return (
    <div className="enrolment" role="group" aria-labelledby={`${keyId}-heading`}>
      <h4 className="enrolment__heading" id={`${keyId}-heading`} ref={headingRef} tabIndex={-1}>
        {t('mfa.enrolHeading')}
      </h4>
      <ol className="enrolment__steps">
        <li>
          <p>{t('mfa.scan')}</p>
          {enrolment.qrCodePng ? (
            <img className="enrolment__qr" src={enrolment.qrCodePng} width={240} height={240} alt={t('mfa.qrAlt')} />
          ) : null}
          <p className="muted">{t('mfa.cantScan')}</p>
          <p className="enrolment__key">
            <code id={keyId} data-testid="manual-entry-key">
              {groupKey(key)}
            </code>{' '}
            <button
              type="button"
              className="link-button"
              onClick={async () => setCopied((await copyText(key)) ? t('mfa.keyCopied') : t('mfa.keySelect'))}
            >
              {t('mfa.copyKey')}
            </button>
          </p>
          <StatusLine message={copied} />
        </li>
        <li>
          <form className="form" onSubmit={form.onSubmit} noValidate aria-busy={form.submitting}>
            <FormAlert message={form.formError} />
            <TextField
              {...form.fieldProps('code', setCode)}
              label={t('mfa.codeFromApp')}
              hint={t('mfa.codeHint')}
              name="mfaCode"
              inputMode="numeric"
              autoComplete="one-time-code"
              value={code}
            />
            <div className="form__actions">
              <SubmitButton busy={form.submitting} label={t('mfa.turnOn')} busyLabel={t('signIn.checking')} />
              <button type="button" className="button button--quiet" onClick={onCancel}>
                {t('common.cancel')}
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
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [note, setNote] = useState<string | null>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const text = backupCodesText(codes, account, new Date());
  return (
    <div className="backup-codes">
      <h4 className="enrolment__heading" ref={headingRef} tabIndex={-1}>
        {t('mfa.codesHeading')}
      </h4>
      <p>
        <Trans i18nKey="mfa.codesText" components={{ strong: <strong /> }} />
      </p>
      <ol className="backup-codes__list" aria-label={t('mfa.codesList')}>
        {codes.map((code) => (
          <li key={code}>
            <code>{groupCode(code)}</code>
          </li>
        ))}
      </ol>
      <div className="form__actions">
        <button type="button" className="button button--small" onClick={async () => setNote((await copyText(text)) ? t('mfa.codesCopied') : t('mfa.codesSelect'))}>
          {t('mfa.copyCodes')}
        </button>
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            downloadText('personal-assistant-backup-codes.txt', text);
            setNote(t('mfa.codesDownloaded'));
          }}
        >
          {t('mfa.downloadCodes')}
        </button>
        <button type="button" className="button button--primary" onClick={onDone}>
          {t('mfa.savedThem')}
        </button>
      </div>
      <StatusLine message={note} />
    </div>
  );
}

function RegenerateCodes({ client, onCodes }: { client: GraphQLClient; onCodes: (codes: string[]) => void }) {
  const { t } = useTranslation();
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
          : { code: t('mfa.codeMissing') }
        : v.password
          ? {}
          : { password: t('validation.passwordEnter') },
    send: async (v) =>
      mutationOutcome(
        await client.request(REGENERATE_BACKUP_CODES, {
          input: proof === 'code' ? { code: v.code.trim() } : { password: v.password },
        }),
        (d) => d.regenerateBackupCodes,
      ),
    invalidates: [queryKeys.settings.mfa()],
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
    <Disclosure label={t('mfa.newCodes')} open={open} onOpenChange={toggle}>
      <form className="form form--inset" onSubmit={form.onSubmit} noValidate aria-busy={form.submitting}>
        <p className="muted">{t('mfa.newCodesText')}</p>
        <FormAlert message={form.formError} />
        <fieldset className="fieldset">
          <legend className="visually-hidden">{t('mfa.proveWith')}</legend>
          <div className="toggle-row">
            <input id={`${choiceName}-code`} type="radio" name={choiceName} checked={proof === 'code'} onChange={() => setProof('code')} />
            <label htmlFor={`${choiceName}-code`}>{t('mfa.withCode')}</label>
          </div>
          <div className="toggle-row">
            <input id={`${choiceName}-password`} type="radio" name={choiceName} checked={proof === 'password'} onChange={() => setProof('password')} />
            <label htmlFor={`${choiceName}-password`}>{t('mfa.withPassword')}</label>
          </div>
        </fieldset>
        {proof === 'code' ? (
          <TextField
            {...form.fieldProps('code', (code) => setValues((v) => ({ ...v, code })))}
            label={t('signIn.code')}
            hint={t('mfa.codeOrBackup')}
            name="regenerateCode"
            autoComplete="one-time-code"
            value={values.code}
          />
        ) : (
          <PasswordField
            {...form.fieldProps('password', (password) => setValues((v) => ({ ...v, password })))}
            label={t('signIn.password')}
            name="regeneratePassword"
            autoComplete="current-password"
            value={values.password}
          />
        )}
        <div className="form__actions">
          <SubmitButton busy={form.submitting} label={t('mfa.makeCodes')} busyLabel={t('mfa.makingCodes')} />
          <button type="button" className="button button--quiet" onClick={() => toggle(false)}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Disclosure>
  );
}

function DisableMfa({ client, onDisabled }: { client: GraphQLClient; onDisabled: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState({ password: '', code: '' });
  const form = useForm({
    fields: ['password', 'code'] as const,
    values,
    validate: (v) => ({
      ...(v.password ? {} : { password: t('validation.passwordEnter') }),
      ...(v.code.trim() ? {} : { code: t('mfa.codeMissing') }),
    }),
    send: async (v) =>
      mutationOutcome(
        await client.request(DISABLE_MFA, { input: { password: v.password, code: v.code.trim() } }),
        (d) => d.disableMfa,
      ),
    invalidates: [queryKeys.settings.mfa()],
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
    <Disclosure label={t('mfa.turnOff')} open={open} onOpenChange={toggle}>
      <form className="form form--inset" onSubmit={form.onSubmit} noValidate aria-busy={form.submitting}>
        <p className="muted">{t('mfa.turnOffText')}</p>
        <FormAlert message={form.formError} />
        <PasswordField
          {...form.fieldProps('password', (password) => setValues((v) => ({ ...v, password })))}
          label={t('signIn.password')}
          name="disablePassword"
          autoComplete="current-password"
          value={values.password}
        />
        <TextField
          {...form.fieldProps('code', (code) => setValues((v) => ({ ...v, code })))}
          label={t('signIn.code')}
          hint={t('mfa.codeOrBackup')}
          name="disableCode"
          autoComplete="one-time-code"
          value={values.code}
        />
        <div className="form__actions">
          <SubmitButton busy={form.submitting} label={t('mfa.turnOffShort')} busyLabel={t('mfa.turningOff')} tone="careful" />
          <button type="button" className="button button--quiet" onClick={() => toggle(false)}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Disclosure>
  );
}
