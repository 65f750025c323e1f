import { useState } from 'react';
import { Disclosure } from '../components/Disclosure';
import { PasswordField } from '../components/Field';
import { FormAlert } from '../components/Notice';
import { StatusLine, SubmitButton, SubSection } from '../components/Section';
import type { GraphQLClient } from '../graphql/client';
import { queryKeys } from '../graphql/queryKeys';
import { i18n, useTranslation } from '../i18n';
import { mutationOutcome } from '../lib/formErrors';
import { useForm } from '../lib/useForm';
import { PASSWORD_MIN_LENGTH, validateNewPassword, type FieldErrors } from '../lib/validation';
import { CHANGE_PASSWORD } from './api';

const FIELDS = ['currentPassword', 'newPassword'] as const;
type Values = { currentPassword: string; newPassword: string };

function validate(values: Values): FieldErrors<keyof Values> {
  const errors: FieldErrors<keyof Values> = {};
  if (!values.currentPassword) errors.currentPassword = i18n.t('password.currentMissing');
  const newPassword = validateNewPassword(values.newPassword);
  if (newPassword) errors.newPassword = newPassword;
  return errors;
}

/** Changes the password; the server signs out every other device. */
export function PasswordChange({ client }: { client: GraphQLClient }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<Values>({ currentPassword: '', newPassword: '' });
  const [status, setStatus] = useState<string | null>(null);
  const form = useForm({
    fields: FIELDS,
    values,
    validate,
    send: async (v: Values) => mutationOutcome(await client.request(CHANGE_PASSWORD, { input: v }), (d) => d.changePassword),
    invalidates: [queryKeys.settings.sessionLists()],
    onSuccess: () => {
      setValues({ currentPassword: '', newPassword: '' });
      setOpen(false);
      setStatus(t('password.changed'));
    },
  });
  const set = (name: keyof Values) => (value: string) => setValues((v) => ({ ...v, [name]: value }));
  const toggle = (next: boolean) => {
    setOpen(next);
    setStatus(null);
    form.reset();
    setValues({ currentPassword: '', newPassword: '' });
  };

  return (
    <SubSection title={t('password.title')}>
      <Disclosure
        label={t('password.change')}
        open={open}
        onOpenChange={toggle}
      >
        <form className="form form--inset" onSubmit={form.onSubmit} noValidate aria-busy={form.submitting}>
          <FormAlert message={form.formError} />
          <PasswordField
            {...form.fieldProps('currentPassword', set('currentPassword'))}
            label={t('password.current')}
            name="currentPassword"
            autoComplete="current-password"
            value={values.currentPassword}
          />
          <PasswordField
            {...form.fieldProps('newPassword', set('newPassword'))}
            label={t('reset.newPassword')}
            hint={t('password.hint', { min: PASSWORD_MIN_LENGTH })}
            name="newPassword"
            autoComplete="new-password"
            value={values.newPassword}
          />
          <div className="form__actions">
            <SubmitButton busy={form.submitting} label={t('reset.submit')} busyLabel={t('common.saving')} />
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
