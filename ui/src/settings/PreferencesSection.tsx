import { useId, useState } from 'react';
import { TextField } from '../components/Field';
import { FormAlert } from '../components/Notice';
import { Loading, LoadProblem, Section, StatusLine, SubmitButton } from '../components/Section';
import type { GraphQLClient } from '../graphql/client';
import { useTranslation } from '../i18n';
import { mutationOutcome } from '../lib/formErrors';
import { useForm } from '../lib/useForm';
import { queryFailureMessage, useGraphQLQuery } from '../graphql/query';
import { queryKeys } from '../graphql/queryKeys';
import { PREFERENCES, UPDATE_PREFERENCES } from './api';
import {
  PREFERENCES_FIELDS,
  preferencesInput,
  preferencesValues,
  THRESHOLD_MAX,
  THRESHOLD_MIN,
  validatePreferences,
  type PreferencesValues,
} from './preferences';

const NO_VARIABLES = {};

/** Breakdown threshold, quiet hours and the digest time (updatePreferences). */
export function PreferencesSection({ client }: { client: GraphQLClient }) {
  const { t } = useTranslation();
  const { state, reload } = useGraphQLQuery(client, queryKeys.settings.preferences(), PREFERENCES, NO_VARIABLES);
  return (
    <Section id="preferences" title={t('preferences.title')} lead={t('preferences.lead')}>
      {state.status === 'loading' ? <Loading what={t('preferences.loading')} /> : null}
      {state.status === 'failed' ? <LoadProblem message={queryFailureMessage(state.failure)} onRetry={() => void reload()} /> : null}
      {state.status === 'ready' && state.data.me ? (
        <PreferencesForm client={client} initial={preferencesValues(state.data.me.preferences)} />
      ) : null}
    </Section>
  );
}

function PreferencesForm({ client, initial }: { client: GraphQLClient; initial: PreferencesValues }) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const [saved, setSaved] = useState<string | null>(null);
  const quietId = useId();
  const set = (name: keyof PreferencesValues) => (value: string) => {
    setSaved(null);
    setValues((v) => ({ ...v, [name]: value }));
  };
  const form = useForm({
    fields: PREFERENCES_FIELDS,
    values,
    validate: validatePreferences,
    send: async (v: PreferencesValues) =>
      mutationOutcome(await client.request(UPDATE_PREFERENCES, { input: preferencesInput(v) }), (d) => d.updatePreferences),
    invalidates: [queryKeys.settings.preferences()],
    onSuccess: (outcome) => {
      const preferences = outcome.payload.preferences;
      if (preferences) setValues(preferencesValues(preferences));
      setSaved(t('preferences.saved'));
    },
  });

  return (
    <form className="form" onSubmit={form.onSubmit} noValidate aria-busy={form.submitting}>
      <FormAlert message={form.formError} />
      <TextField
        {...form.fieldProps('breakdownThreshold', set('breakdownThreshold'))}
        label={t('preferences.threshold')}
        hint={t('preferences.thresholdHint', { min: THRESHOLD_MIN, max: THRESHOLD_MAX })}
        name="breakdownThreshold"
        type="number"
        inputMode="numeric"
        min={THRESHOLD_MIN}
        max={THRESHOLD_MAX}
        value={values.breakdownThreshold}
      />
      <fieldset className="fieldset">
        <legend className="field__label">{t('preferences.quiet')}</legend>
        <div className="toggle-row">
          <input
            id={quietId}
            className="check check--small"
            type="checkbox"
            checked={values.quietHours}
            onChange={(e) => {
              const quietHours = e.target.checked;
              setSaved(null);
              setValues((v) => ({ ...v, quietHours }));
            }}
          />
          <label htmlFor={quietId}>{t('preferences.quietHold')}</label>
        </div>
        {values.quietHours ? (
          <div className="field-row">
            <TextField {...form.fieldProps('quietStart', set('quietStart'))} label={t('preferences.from')} name="quietStart" type="time" value={values.quietStart} />
            <TextField {...form.fieldProps('quietEnd', set('quietEnd'))} label={t('preferences.until')} name="quietEnd" type="time" value={values.quietEnd} />
          </div>
        ) : null}
      </fieldset>
      <TextField
        {...form.fieldProps('digestTime', set('digestTime'))}
        label={t('preferences.digest')}
        hint={t('preferences.digestHint')}
        name="digestTime"
        type="time"
        value={values.digestTime}
      />
      <div className="form__actions">
        <SubmitButton busy={form.submitting} label={t('preferences.save')} busyLabel={t('common.saving')} />
        <StatusLine message={saved} />
      </div>
    </form>
  );
}
