import { useState } from 'react';
import { useSession } from '../auth/SessionContext';
import { Disclosure } from '../components/Disclosure';
import { PasswordField } from '../components/Field';
import { FormAlert } from '../components/Notice';
import { Section, StatusLine, SubmitButton, SubSection } from '../components/Section';
import { GENERIC_MESSAGE, mutationOutcome, OFFLINE_MESSAGE } from '../lib/formErrors';
import { navigate, PATHS } from '../lib/router';
import { useForm } from '../lib/useForm';
import { clearAllDrafts } from '../tasks/draft';
import { DELETE_MY_ACCOUNT } from './api';
import { downloadExport } from './dataExport';

/** The sign-in page's query after an account is deleted: it says goodbye. */
export const DELETED_QUERY = 'deleted=1';

/** Downloading everything kept about the person, and deleting the account for good. */
export function DataSection() {
  return (
    <Section id="your-data" title="Your data" lead="It’s yours: take a copy whenever you like, or leave for good.">
      <ExportData />
      <DeleteAccount />
    </Section>
  );
}

function ExportData() {
  const session = useSession();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const download = async () => {
    if (busy) return;
    setBusy(true);
    setStatus('Preparing your file…');
    const outcome = await downloadExport(session);
    setBusy(false);
    if (outcome === 'saved') setStatus('Your file is downloaded: everything we keep about you, as JSON.');
    else if (outcome === 'network') setStatus(OFFLINE_MESSAGE);
    else if (outcome === 'signed-out') setStatus('Please sign in again to download your data.');
    else setStatus(GENERIC_MESSAGE);
  };
  return (
    <SubSection title="Download your data">
      <p>Your tasks, reminders, settings and history in one file (JSON). Passwords and keys are left out.</p>
      <button type="button" className="button button--small" onClick={download} aria-disabled={busy || undefined}>
        {busy ? 'Preparing…' : 'Download my data'}
      </button>
      <StatusLine message={status} />
    </SubSection>
  );
}

function DeleteAccount() {
  const session = useSession();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const form = useForm({
    fields: ['password'] as const,
    values: { password },
    validate: (v) => (v.password ? {} : { password: 'Enter your password to confirm.' }),
    send: async (v) =>
      mutationOutcome(await session.client.request(DELETE_MY_ACCOUNT, { input: { password: v.password } }), (d) => d.deleteMyAccount),
    onSuccess: () => {
      clearAllDrafts();
      session.signOutLocally();
      navigate(`${PATHS.signin}?${DELETED_QUERY}`, { replace: true });
    },
  });
  const toggle = (next: boolean) => {
    setOpen(next);
    form.reset();
    setPassword('');
  };
  return (
    <SubSection title="Delete your account">
      <p>
        This deletes your account and everything in it — tasks, reminders, settings, linked accounts — at once and for
        good. It can’t be undone.
      </p>
      <Disclosure label="Delete my account…" open={open} onOpenChange={toggle}>
        <form className="form form--inset form--careful" onSubmit={form.onSubmit} noValidate aria-busy={form.submitting}>
          <p className="notice notice--attention">
            <strong>This can’t be undone.</strong> Want a copy first? Use “Download my data” above before you go.
          </p>
          <FormAlert message={form.formError} />
          <PasswordField
            {...form.fieldProps('password', setPassword)}
            label="Your password"
            hint="Asked again, because deleting is for good."
            name="deletePassword"
            autoComplete="current-password"
            value={password}
          />
          <div className="form__actions">
            <SubmitButton busy={form.submitting} label="Delete my account for good" busyLabel="Deleting…" tone="careful" />
            <button type="button" className="button button--quiet" onClick={() => toggle(false)}>
              Keep my account
            </button>
          </div>
        </form>
      </Disclosure>
    </SubSection>
  );
}
