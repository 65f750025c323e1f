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
import { weekdayName } from '../tasks/format';
import { WEEKDAY_CODES } from '../tasks/recurrence';
import {
  LEAVE_NOW_MAX,
  LEAVE_NOW_MIN,
  SCHEDULING_FIELDS,
  SCHEDULING_PREFERENCES,
  schedulingInput,
  schedulingValues,
  UPDATE_SCHEDULING_PREFERENCES,
  validateScheduling,
  type SchedulingValues,
} from './scheduling';

const NO_VARIABLES = {};

/**
 * Working hours, within which "Find time" proposes slots for a task, and the "leave now" nudge before events with a
 * place (updateSchedulingPreferences).
 */
export function SchedulingSection({ client }: { client: GraphQLClient }) {
  const { t } = useTranslation();
  const { state, reload } = useGraphQLQuery(client, queryKeys.settings.scheduling(), SCHEDULING_PREFERENCES, NO_VARIABLES);
  return (
    <Section id="scheduling" title={t('scheduling.title')} lead={t('scheduling.lead')}>
      {state.status === 'loading' ? <Loading what={t('scheduling.loading')} /> : null}
      {state.status === 'failed' ? <LoadProblem message={queryFailureMessage(state.failure)} onRetry={() => void reload()} /> : null}
      {state.status === 'ready' && state.data.schedulingPreferences ? (
        <SchedulingForm client={client} initial={schedulingValues(state.data.schedulingPreferences)} />
      ) : null}
    </Section>
  );
}

function SchedulingForm({ client, initial }: { client: GraphQLClient; initial: SchedulingValues }) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const [saved, setSaved] = useState<string | null>(null);
  const id = useId();
  const change = (next: Partial<SchedulingValues>) => {
    setSaved(null);
    setValues((v) => ({ ...v, ...next }));
  };
  const form = useForm({
    fields: SCHEDULING_FIELDS,
    values,
    validate: validateScheduling,
    send: async (v: SchedulingValues) =>
      mutationOutcome(await client.request(UPDATE_SCHEDULING_PREFERENCES, { input: schedulingInput(v) }), (d) => d.updateSchedulingPreferences),
    // Working hours bound the slots "Find time" proposes (asked on each press, not cached).
    invalidates: [queryKeys.settings.scheduling()],
    onSuccess: (outcome) => {
      const preferences = outcome.payload.schedulingPreferences;
      if (preferences) setValues(schedulingValues(preferences));
      setSaved(t('scheduling.saved'));
    },
  });
  const days = form.fieldProps('workDays', () => undefined);

  return (
    <form className="form" onSubmit={form.onSubmit} noValidate aria-busy={form.submitting}>
      <FormAlert message={form.formError} />
      <div className="field-row">
        <TextField
          {...form.fieldProps('workStart', (workStart) => change({ workStart }))}
          label={t('scheduling.workStart')}
          name="workStart"
          type="time"
          value={values.workStart}
        />
        <TextField
          {...form.fieldProps('workEnd', (workEnd) => change({ workEnd }))}
          label={t('scheduling.workEnd')}
          name="workEnd"
          type="time"
          value={values.workEnd}
        />
      </div>
      <fieldset className="fieldset" aria-describedby={days.error ? `${id}-days-error` : undefined}>
        <legend className="field__label">{t('scheduling.workDays')}</legend>
        <div className="repeat__days">
          {WEEKDAY_CODES.map((code, index) => {
            const day = index + 1;
            const checked = values.workDays.includes(day);
            return (
              <label key={code} className="repeat__day">
                <input
                  ref={index === 0 ? days.ref : undefined}
                  type="checkbox"
                  checked={checked}
                  onChange={() => {
                    days.onValueChange('');
                    change({ workDays: checked ? values.workDays.filter((d) => d !== day) : [...values.workDays, day] });
                  }}
                />
                <span aria-hidden="true">{weekdayName(code, undefined, 'short')}</span>
                <span className="visually-hidden">{weekdayName(code)}</span>
              </label>
            );
          })}
        </div>
        {days.error ? (
          <p className="field__error" id={`${id}-days-error`} role="alert">
            {days.error}
          </p>
        ) : null}
      </fieldset>
      <fieldset className="fieldset">
        <legend className="field__label">{t('scheduling.leaveNow')}</legend>
        <div className="toggle-row">
          <input
            id={`${id}-leave-now`}
            className="check check--small"
            type="checkbox"
            checked={values.leaveNow}
            onChange={(e) => change({ leaveNow: e.target.checked })}
          />
          <label htmlFor={`${id}-leave-now`}>{t('scheduling.leaveNowOn')}</label>
        </div>
        {values.leaveNow ? (
          <TextField
            {...form.fieldProps('leaveNowMinutes', (leaveNowMinutes) => change({ leaveNowMinutes }))}
            label={t('scheduling.leaveNowMinutes')}
            hint={t('scheduling.leaveNowHint', { min: LEAVE_NOW_MIN, max: LEAVE_NOW_MAX })}
            name="leaveNowMinutes"
            type="number"
            inputMode="numeric"
            min={LEAVE_NOW_MIN}
            max={LEAVE_NOW_MAX}
            value={values.leaveNowMinutes}
          />
        ) : null}
      </fieldset>
      <div className="form__actions">
        <SubmitButton busy={form.submitting} label={t('scheduling.save')} busyLabel={t('common.saving')} />
        <StatusLine message={saved} />
      </div>
    </form>
  );
}
