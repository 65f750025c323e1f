import { useId, useState } from 'react';
import { StatusLine } from '../components/Section';
import type { GraphQLClient } from '../graphql/client';
import type { IntegrationCapability, IntegrationProvider } from '../graphql/generated/graphql';
import { useTranslation } from '../i18n';
import { formatDateTime } from '../lib/dates';
import { failureText, mutationOutcome } from '../lib/formErrors';
import { providerName } from '../oidc/messages';
import { CONNECT_INTEGRATION, DISCONNECT_INTEGRATION, SYNC_NOW, type Integration, type IntegrationSync } from './api';
import { streamWords } from './words';

export const CAPABILITIES: readonly IntegrationCapability[] = ['CALENDAR_READ', 'CALENDAR_WRITE', 'MAIL_READ'];

/**
 * One provider: connect it with the capabilities ticked (or ask for more once connected), what it granted, how its
 * syncs went, "Sync now", reconnect when the provider no longer accepts the grant, and disconnect after a confirmation.
 */
export function IntegrationCard({
  client,
  provider,
  integration,
  sync,
  timeZone,
  onSynced,
  onDisconnected,
}: {
  client: GraphQLClient;
  provider: IntegrationProvider;
  integration: Integration | null;
  sync: IntegrationSync | null;
  timeZone: string;
  onSynced: (sync: IntegrationSync) => void;
  onDisconnected: (id: string, revokedAtProvider: boolean) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const name = providerName(provider);
  const [chosen, setChosen] = useState<Set<IntegrationCapability>>(
    () => new Set(integration ? integration.capabilities : (['CALENDAR_READ'] as IntegrationCapability[])),
  );
  const [busy, setBusy] = useState<'connect' | 'sync' | 'disconnect' | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const toggle = (capability: IntegrationCapability, on: boolean) => {
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(capability);
      else next.delete(capability);
      return next;
    });
  };

  const connect = async (capabilities: IntegrationCapability[]) => {
    if (busy) return;
    if (capabilities.length === 0) {
      setProblem(t('integrations.pickOne'));
      return;
    }
    setProblem(null);
    setStatus(null);
    setBusy('connect');
    const outcome = mutationOutcome(
      await client.request(CONNECT_INTEGRATION, { input: { provider, capabilities } }),
      (d) => d.connectIntegration,
    );
    if (outcome.kind === 'success' && outcome.payload.authorizationUrl) {
      // A full-page navigation: the consent cookie set by the mutation belongs to this browser.
      window.location.assign(outcome.payload.authorizationUrl);
      return;
    }
    setBusy(null);
    setProblem(outcome.kind === 'success' ? failureText({ kind: 'error' }) : failureText(outcome));
  };

  const syncNow = async (integrationId: string) => {
    if (busy) return;
    setBusy('sync');
    setStatus(null);
    const outcome = mutationOutcome(await client.request(SYNC_NOW, { input: { integrationId } }), (d) => d.syncNow);
    setBusy(null);
    if (outcome.kind !== 'success') {
      setStatus(failureText(outcome));
      return;
    }
    if (outcome.payload.integrationSync) onSynced(outcome.payload.integrationSync);
    setStatus(t('integrations.syncing', { provider: name }));
  };

  const disconnect = async (integrationId: string) => {
    if (busy) return;
    setBusy('disconnect');
    const outcome = mutationOutcome(
      await client.request(DISCONNECT_INTEGRATION, { input: { id: integrationId } }),
      (d) => d.disconnectIntegration,
    );
    setBusy(null);
    setConfirming(false);
    if (outcome.kind !== 'success') {
      setStatus(failureText(outcome));
      return;
    }
    onDisconnected(integrationId, outcome.payload.revokedAtProvider === true);
  };

  const granted = integration?.capabilities ?? [];
  const ordered = CAPABILITIES.filter((c) => chosen.has(c) || granted.includes(c));
  // Connecting again only adds to a grant: what is granted stays ticked, and the button shows once more is ticked.
  const askingMore = ordered.some((c) => !granted.includes(c));
  const needsReconnect = integration?.status === 'NEEDS_RECONNECT';
  return (
    <section className="card section integration" aria-labelledby={`${id}-heading`}>
      <h2 className="section__heading" id={`${id}-heading`}>
        {name}
      </h2>
      {integration ? (
        <>
          <p>
            <span className={needsReconnect ? 'chip chip--past' : 'chip chip--done'}>
              {needsReconnect ? t('integrations.needsReconnect') : t('integrations.connected')}
            </span>{' '}
            {integration.accountEmail
              ? t('integrations.account', { email: integration.accountEmail, when: formatDateTime(integration.connectedAt, timeZone) })
              : t('integrations.since', { when: formatDateTime(integration.connectedAt, timeZone) })}
          </p>
          {needsReconnect ? <p className="notice notice--attention">{t('integrations.reconnectWhy', { provider: name })}</p> : null}
          <p>
            {t('integrations.granted', {
              list: integration.capabilities.map((c) => t(`integrations.capability.${c}`)).join(', ') || t('integrations.nothing'),
            })}
          </p>
          {sync && sync.streams.length > 0 ? (
            <ul className="integration__streams" aria-label={t('integrations.syncStatus', { provider: name })}>
              {sync.streams.map((stream) => (
                <li key={stream.data}>{streamWords(stream, timeZone)}</li>
              ))}
            </ul>
          ) : null}
        </>
      ) : (
        <p>{t('integrations.notConnected', { provider: name })}</p>
      )}

      <fieldset className="integration__capabilities">
        <legend>{integration ? t('integrations.changeLegend') : t('integrations.connectLegend')}</legend>
        {CAPABILITIES.map((capability) => (
          <label key={capability} className="integration__capability">
            <input
              className="check check--small"
              type="checkbox"
              checked={chosen.has(capability) || granted.includes(capability)}
              disabled={granted.includes(capability)}
              onChange={(e) => toggle(capability, e.target.checked)}
            />{' '}
            {t(`integrations.capability.${capability}`)}
          </label>
        ))}
      </fieldset>
      {problem ? (
        <p className="notice notice--attention" role="alert">
          {problem}
        </p>
      ) : null}

      <div className="form__actions">
        {needsReconnect ? (
          <button type="button" className="button button--primary button--small" onClick={() => void connect(ordered)} aria-disabled={busy !== null || undefined}>
            {t('integrations.reconnect', { provider: name })}
          </button>
        ) : !integration || askingMore ? (
          <button
            type="button"
            className={integration ? 'button button--small' : 'button button--primary button--small'}
            onClick={() => void connect(ordered)}
            aria-disabled={busy !== null || undefined}
          >
            {busy === 'connect'
              ? t('integrations.opening', { provider: name })
              : integration
                ? t('integrations.changeAccess', { provider: name })
                : t('integrations.connect', { provider: name })}
          </button>
        ) : null}
        {integration && !needsReconnect ? (
          <button type="button" className="button button--small" onClick={() => void syncNow(integration.id)} aria-disabled={busy !== null || undefined}>
            {busy === 'sync' ? t('integrations.syncingNow') : t('integrations.syncNow')}
          </button>
        ) : null}
        {integration && !confirming ? (
          <button type="button" className="button button--quiet button--small" onClick={() => setConfirming(true)}>
            {t('integrations.disconnect', { provider: name })}
          </button>
        ) : null}
      </div>
      {integration && confirming ? (
        <div className="notice notice--attention" role="group" aria-label={t('integrations.confirmGroup', { provider: name })}>
          <p>{t('integrations.confirmQuestion', { provider: name })}</p>
          <button type="button" className="button button--careful button--small" onClick={() => void disconnect(integration.id)} aria-disabled={busy !== null || undefined}>
            {busy === 'disconnect' ? t('integrations.disconnecting') : t('integrations.confirmYes')}
          </button>{' '}
          <button type="button" className="button button--small" onClick={() => setConfirming(false)}>
            {t('integrations.confirmNo')}
          </button>
        </div>
      ) : null}
      <StatusLine message={status} />
    </section>
  );
}
