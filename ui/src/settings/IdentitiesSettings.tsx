import { useEffect, useState } from 'react';
import { Loading, LoadProblem, StatusLine, SubSection } from '../components/Section';
import type { GraphQLClient } from '../graphql/client';
import { formatDateTime } from '../lib/dates';
import { failureText, mutationOutcome } from '../lib/formErrors';
import { i18n, useTranslation } from '../i18n';
import { queryParam, useForgetQuery } from '../lib/router';
import { queryFailureMessage, useGraphQLQuery } from '../graphql/query';
import { queryKeys } from '../graphql/queryKeys';
import {
  CONFIRM_IDENTITY_LINK,
  IDENTITIES,
  PENDING_IDENTITY_LINK,
  START_IDENTITY_LINK,
  UNLINK_IDENTITY,
  type ExternalIdentity,
  type SignInProvider,
} from '../oidc/api';
import { providerErrorMessage, providerName } from '../oidc/messages';
import { needsReauthentication, Reauthenticate } from './Reauthenticate';

const NO_VARIABLES = {};
const SUBSECTION_ID = 'linked-accounts';

/** What the server said by sending the browser back here from a provider (?linked=google or ?error=CODE). */
function arrivalMessage(): string | null {
  const linked = queryParam('linked');
  if (linked) return i18n.t('identities.linked', { provider: providerName(linked) });
  const error = queryParam('error');
  return error ? providerErrorMessage(error) : null;
}

/** A link the provider sent back, waiting for the person to say it is theirs (?confirmLink=TOKEN). */
interface PendingLink {
  token: string;
  provider: string;
  email: string | null;
}

/**
 * Google and Microsoft accounts linked for signing in: link one (through the provider, then confirmed here), or
 * unlink it.
 */
export function IdentitiesSettings({ client, timeZone }: { client: GraphQLClient; timeZone: string }) {
  const { t } = useTranslation();
  const forgetQuery = useForgetQuery();
  const { state, reload, replace } = useGraphQLQuery(client, queryKeys.settings.identities(), IDENTITIES, NO_VARIABLES);
  const [status, setStatus] = useState<string | null>(() => arrivalMessage());
  const [busy, setBusy] = useState<string | null>(null);
  const [confirmingItsMe, setConfirmingItsMe] = useState<SignInProvider | null>(null);
  const [pending, setPending] = useState<PendingLink | null>(null);

  useEffect(() => {
    const token = queryParam('confirmLink');
    if (queryParam('linked') || queryParam('error') || token) {
      forgetQuery('linked', 'error', 'confirmLink');
      document.getElementById(SUBSECTION_ID)?.scrollIntoView({ block: 'center' });
    }
    if (!token) return;
    void client.request(PENDING_IDENTITY_LINK, { token }).then((result) => {
      const link = result.kind === 'ok' ? result.data.pendingIdentityLink : null;
      if (link) setPending({ token, provider: link.provider, email: link.email ?? null });
      else setStatus(providerErrorMessage('oidc_link_expired'));
    });
  }, []); // Once, at arrival.

  const confirm = async (link: PendingLink) => {
    if (busy) return;
    setBusy(link.token);
    const outcome = mutationOutcome(
      await client.request(CONFIRM_IDENTITY_LINK, { input: { token: link.token } }),
      (d) => d.confirmIdentityLink,
    );
    setBusy(null);
    setPending(null);
    if (outcome.kind !== 'success') {
      setStatus(failureText(outcome));
      return;
    }
    void reload();
    setStatus(t('identities.linked', { provider: providerName(link.provider) }));
  };

  const providers = state.status === 'ready' ? state.data.signInProviders : [];
  const identities = state.status === 'ready' ? (state.data.identities ?? []) : [];
  // Nothing to show on a server that offers no provider and where nothing was ever linked.
  if (state.status === 'ready' && providers.length === 0 && identities.length === 0 && !status) return null;

  const link = async (provider: SignInProvider) => {
    if (busy) return;
    setBusy(provider.provider);
    setStatus(null);
    const outcome = mutationOutcome(
      await client.request(START_IDENTITY_LINK, { input: { provider: provider.provider } }),
      (d) => d.startIdentityLink,
    );
    if (outcome.kind === 'success' && outcome.payload.url) {
      window.location.assign(outcome.payload.url);
      return;
    }
    setBusy(null);
    if (outcome.kind !== 'success' && needsReauthentication(outcome)) {
      setConfirmingItsMe(provider);
      return;
    }
    setStatus(outcome.kind === 'success' ? failureText({ kind: 'error' }) : failureText(outcome));
  };

  const unlink = async (identity: ExternalIdentity) => {
    if (busy) return;
    setBusy(identity.id);
    setStatus(null);
    const outcome = mutationOutcome(await client.request(UNLINK_IDENTITY, { input: { id: identity.id } }), (d) => d.unlinkIdentity);
    setBusy(null);
    if (outcome.kind !== 'success') {
      setStatus(failureText(outcome));
      return;
    }
    replace((data) => ({ ...data, identities: (data.identities ?? []).filter((i) => i.id !== identity.id) }));
    setStatus(t('identities.unlinked', { provider: providerName(identity.provider) }));
  };

  const rows = [
    ...identities.map((identity) => ({ key: identity.provider, identity, provider: providers.find((p) => p.provider === identity.provider) })),
    ...providers
      .filter((p) => !identities.some((i) => i.provider === p.provider))
      .map((provider) => ({ key: provider.provider, identity: null, provider })),
  ];

  return (
    <SubSection title={t('identities.title')} id={SUBSECTION_ID}>
      {pending ? (
        <div className="notice" role="group" aria-label={t('identities.confirmGroup')}>
          <p>{t('identities.confirmQuestion', { provider: providerName(pending.provider), email: pending.email ?? '' })}</p>
          <button type="button" className="button button--small" onClick={() => void confirm(pending)}>
            {busy === pending.token ? t('identities.confirming') : t('identities.confirmYes')}
          </button>{' '}
          <button type="button" className="button button--small" onClick={() => setPending(null)}>
            {t('identities.confirmNo')}
          </button>
        </div>
      ) : null}
      {confirmingItsMe ? (
        <Reauthenticate
          client={client}
          onConfirmed={() => {
            const provider = confirmingItsMe;
            setConfirmingItsMe(null);
            void link(provider);
          }}
        />
      ) : null}
      {state.status === 'loading' ? <Loading what={t('identities.loading')} /> : null}
      {state.status === 'failed' ? <LoadProblem message={queryFailureMessage(state.failure)} onRetry={() => void reload()} /> : null}
      {state.status === 'ready' ? (
        <ul className="plain-list identities" aria-label={t('identities.list')}>
          {rows.map(({ key, identity, provider }) => {
            const name = provider?.name ?? providerName(key);
            return (
              <li key={key} className="identity">
                <div className="identity__body">
                  <strong>{name}</strong>{' '}
                  {identity ? <span className="chip chip--done">{t('identities.isLinked')}</span> : <span className="chip">{t('identities.notLinked')}</span>}
                  {identity ? (
                    <span className="table__detail">
                      {identity.email ? `${identity.email} · ` : ''}
                      {t('identities.linkedAt', { when: formatDateTime(identity.linkedAt, timeZone) })}
                    </span>
                  ) : (
                    <span className="table__detail">{t('identities.offer', { provider: name })}</span>
                  )}
                </div>
                {identity ? (
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={t('identities.unlinkOne', { provider: name })}
                    aria-disabled={busy !== null || undefined}
                    onClick={() => void unlink(identity)}
                  >
                    {busy === identity.id ? t('identities.unlinking') : t('identities.unlink')}
                  </button>
                ) : provider ? (
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={t('identities.linkOne', { provider: name })}
                    aria-disabled={busy !== null || undefined}
                    onClick={() => void link(provider)}
                  >
                    {busy === provider.provider ? t('identities.opening') : t('identities.link')}
                  </button>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
      <StatusLine message={status} />
    </SubSection>
  );
}
