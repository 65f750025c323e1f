import { useState } from 'react';
import { useSession } from '../auth/SessionContext';
import { Disclosure } from '../components/Disclosure';
import { PasswordField } from '../components/Field';
import { FormAlert } from '../components/Notice';
import { Section, StatusLine, SubmitButton, SubSection } from '../components/Section';
import { Trans, useTranslation } from '../i18n';
import { genericMessage, mutationOutcome, offlineMessage } from '../lib/formErrors';
import { useForm } from '../lib/useForm';
import { clearAllDrafts } from '../tasks/draft';
import { DELETE_MY_ACCOUNT } from './api';
import { downloadExport } from './dataExport';

/** Downloading everything kept about the person, and deleting the account for good. */
export function DataSection() {
  const { t } = useTranslation();
  return (
    <Section id="your-data" title={t('data.title')} lead={t('data.lead')}>
      <ExportData />
      <DeleteAccount />
    </Section>
  );
}

function ExportData() {
  const { t } = useTranslation();
  const session = useSession();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const download = async () => {
    if (busy) return;
    setBusy(true);
    setStatus(t('data.preparingFile'));
    const outcome = await downloadExport(session);
    setBusy(false);
    if (outcome === 'saved') setStatus(t('data.downloaded'));
    else if (outcome === 'network') setStatus(offlineMessage());
    else if (outcome === 'signed-out') setStatus(t('data.signInAgain'));
    else setStatus(genericMessage());
  };
  return (
    <SubSection title={t('data.download')}>
      <p>{t('data.downloadText')}</p>
      <button type="button" className="button button--small" onClick={download} aria-disabled={busy || undefined}>
        {busy ? t('data.preparing') : t('data.downloadButton')}
      </button>
      <StatusLine message={status} />
    </SubSection>
  );
}

function DeleteAccount() {
  const { t } = useTranslation();
  const session = useSession();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const form = useForm({
    fields: ['password'] as const,
    values: { password },
    validate: (v) => (v.password ? {} : { password: t('data.passwordMissing') }),
    send: async (v) =>
      mutationOutcome(await session.client.request(DELETE_MY_ACCOUNT, { input: { password: v.password } }), (d) => d.deleteMyAccount),
    onSuccess: () => {
      clearAllDrafts();
      // The app takes a signed-out person from Settings to sign in, which says goodbye.
      session.signOutLocally(true, 'accountDeleted');
    },
  });
  const toggle = (next: boolean) => {
    setOpen(next);
    form.reset();
    setPassword('');
  };
  return (
    <SubSection title={t('data.delete')}>
      <p>{t('data.deleteText')}</p>
      <Disclosure label={t('data.deleteOpen')} open={open} onOpenChange={toggle}>
        <form className="form form--inset form--careful" onSubmit={form.onSubmit} noValidate aria-busy={form.submitting}>
          <p className="notice notice--attention">
            <Trans i18nKey="data.deleteWarning" components={{ strong: <strong /> }} />
          </p>
          <FormAlert message={form.formError} />
          <PasswordField
            {...form.fieldProps('password', setPassword)}
            label={t('email.yourPassword')}
            hint={t('data.passwordHint')}
            name="deletePassword"
            autoComplete="current-password"
            value={password}
          />
          <div className="form__actions">
            <SubmitButton busy={form.submitting} label={t('data.deleteSubmit')} busyLabel={t('data.deleting')} tone="careful" />
            <button type="button" className="button button--quiet" onClick={() => toggle(false)}>
              {t('data.keep')}
            </button>
          </div>
        </form>
      </Disclosure>
    </SubSection>
  );
}
