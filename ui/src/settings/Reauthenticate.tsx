import { useState, type FormEvent } from 'react';
import { TextField } from '../components/Field';
import { FormAlert } from '../components/Notice';
import { SubmitButton } from '../components/Section';
import type { GraphQLClient } from '../graphql/client';
import type { UserError } from '../graphql/operations';
import { errorsForOutcome, mutationOutcome, type Failure } from '../lib/formErrors';
import { useTranslation } from '../i18n';
import { REAUTHENTICATE } from './api';

/** Whether the server refused a change until the person confirms it is them (a session that signed in a while ago). */
export function needsReauthentication(failure: Failure): boolean {
  return failure.kind === 'rejected' && failure.userErrors.some((e: UserError) => e.code === 'REAUTHENTICATION_REQUIRED');
}

const AUTHENTICATOR_CODE = /^\s*(\d{3}\s?\d{3}|[0-9a-z]{4}(-?[0-9a-z]{4}){3})\s*$/i;

/**
 * Asks for the password (or a code from the authenticator app, or a backup code) before a change that adds a way
 * into the account; `onConfirmed` runs once the server accepted it, for the caller to try the change again.
 */
export function Reauthenticate({ client, onConfirmed }: { client: GraphQLClient; onConfirmed: () => void }) {
  const { t } = useTranslation();
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || secret === '') return;
    setBusy(true);
    const input = AUTHENTICATOR_CODE.test(secret) ? { code: secret } : { password: secret };
    const outcome = mutationOutcome(await client.request(REAUTHENTICATE, { input }), (d) => d.reauthenticate);
    setBusy(false);
    if (outcome.kind === 'success') {
      setSecret('');
      onConfirmed();
      return;
    }
    const errors = errorsForOutcome(outcome, ['password', 'code'] as const);
    setError(errors.fields.password ?? errors.fields.code ?? errors.form);
  };

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-busy={busy}>
      <FormAlert message={error} />
      <TextField
        label={t('security.reauthLabel')}
        hint={t('security.reauthHint')}
        name="reauthenticate"
        type="password"
        autoComplete="current-password"
        value={secret}
        onValueChange={setSecret}
      />
      <div className="form__actions">
        <SubmitButton busy={busy} label={t('security.reauthSubmit')} busyLabel={t('security.reauthChecking')} />
      </div>
    </form>
  );
}
