import { useId, useMemo, useState } from 'react';
import { useSession } from '../auth/SessionContext';
import { TextField } from '../components/Field';
import { FormAlert } from '../components/Notice';
import { Loading, LoadProblem, Section, StatusLine, SubmitButton } from '../components/Section';
import { i18n, useTranslation } from '../i18n';
import { knownTimeZones } from '../lib/dates';
import { mutationOutcome } from '../lib/formErrors';
import { useForm } from '../lib/useForm';
import { queryFailureMessage, useGraphQLQuery } from '../graphql/query';
import { queryKeys } from '../graphql/queryKeys';
import { isValidTimeZone, type FieldErrors } from '../lib/validation';
import { PROFILE, UPDATE_PROFILE } from './api';

const FIELDS = ['displayName', 'timeZone'] as const;
type Values = { displayName: string; timeZone: string; locale: string };
const NO_VARIABLES = {};
/** A plain id: the `list` attribute is looked up as a selector by some DOMs, which useId's colons upset. */
const ZONES_LIST_ID = 'pa-profile-time-zones';

/** "Français" for fr, in its own language, so that people find theirs; the tag itself where the browser can't say. */
export function localeName(tag: string): string {
  try {
    const name = new Intl.DisplayNames([tag], { type: 'language' }).of(tag);
    return name ? name.charAt(0).toLocaleUpperCase(tag) + name.slice(1) : tag;
  } catch {
    return tag;
  }
}

export function validateProfile(values: Values): FieldErrors<(typeof FIELDS)[number]> {
  const errors: FieldErrors<(typeof FIELDS)[number]> = {};
  if (!values.displayName.trim()) errors.displayName = i18n.t('validation.displayName');
  if (!isValidTimeZone(values.timeZone)) errors.timeZone = i18n.t('validation.timeZonePick');
  return errors;
}

/** Display name, time zone and language (updateProfile). */
export function ProfileSection() {
  const { t } = useTranslation();
  const session = useSession();
  const { state, reload } = useGraphQLQuery(session.client, queryKeys.settings.profile(), PROFILE, NO_VARIABLES);
  return (
    <Section id="profile" title={t('profile.title')} lead={t('profile.lead')}>
      {state.status === 'loading' ? <Loading what={t('profile.loading')} /> : null}
      {state.status === 'failed' ? <LoadProblem message={queryFailureMessage(state.failure)} onRetry={() => void reload()} /> : null}
      {state.status === 'ready' && state.data.me ? (
        <ProfileForm
          initial={{ displayName: state.data.me.displayName, timeZone: state.data.me.timeZone, locale: state.data.me.locale }}
          locales={state.data.supportedLocales}
        />
      ) : null}
    </Section>
  );
}

function ProfileForm({ initial, locales }: { initial: Values; locales: string[] }) {
  const { t } = useTranslation();
  const session = useSession();
  const [values, setValues] = useState(initial);
  const [saved, setSaved] = useState<string | null>(null);
  const zones = useMemo(() => knownTimeZones(), []);
  const localeId = useId();
  const form = useForm({
    fields: FIELDS,
    values,
    validate: validateProfile,
    send: async (v: Values) =>
      mutationOutcome(
        await session.client.request(UPDATE_PROFILE, {
          input: { displayName: v.displayName.trim(), timeZone: v.timeZone.trim(), locale: v.locale },
        }),
        (d) => d.updateProfile,
      ),
    // Today's day, dates, and the server's words follow the new zone and language.
    invalidates: [queryKeys.everything],
    onSuccess: ({ payload }) => {
      if (payload.user) setValues({ displayName: payload.user.displayName, timeZone: payload.user.timeZone, locale: payload.user.locale });
      setSaved(t('profile.saved'));
      // The top bar, Today's greeting, dates and the language follow the new name, zone and locale.
      void session.reloadUser();
    },
  });
  const set = (name: keyof Values) => (value: string) => {
    setSaved(null);
    setValues((v) => ({ ...v, [name]: value }));
  };
  const localeChoices = locales.includes(values.locale) ? locales : [values.locale, ...locales];

  return (
    <form className="form" onSubmit={form.onSubmit} noValidate aria-busy={form.submitting}>
      <FormAlert message={form.formError} />
      <TextField
        {...form.fieldProps('displayName', set('displayName'))}
        label={t('signUp.displayName')}
        name="displayName"
        autoComplete="nickname"
        value={values.displayName}
      />
      <TextField
        {...form.fieldProps('timeZone', set('timeZone'))}
        label={t('signUp.timeZone')}
        hint={t('profile.timeZoneHint')}
        name="timeZone"
        autoComplete="off"
        autoCapitalize="off"
        spellCheck={false}
        list={zones.length > 0 ? ZONES_LIST_ID : undefined}
        value={values.timeZone}
      />
      {zones.length > 0 ? (
        <datalist id={ZONES_LIST_ID}>
          {zones.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
      ) : null}
      <div className="field">
        <label className="field__label" htmlFor={localeId}>
          {t('profile.language')}
        </label>
        <select
          id={localeId}
          className="field__input field__select"
          name="locale"
          value={values.locale}
          onChange={(e) => set('locale')(e.target.value)}
        >
          {localeChoices.map((tag) => (
            <option key={tag} value={tag}>
              {localeName(tag)}
            </option>
          ))}
        </select>
      </div>
      <div className="form__actions">
        <SubmitButton busy={form.submitting} label={t('profile.save')} busyLabel={t('common.saving')} />
        <StatusLine message={saved} />
      </div>
    </form>
  );
}
