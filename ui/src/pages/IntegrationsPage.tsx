import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useSession } from '../auth/SessionContext';
import { AppShell } from '../components/AppShell';
import { PageHeading } from '../components/PageHeading';
import { Loading, LoadProblem } from '../components/Section';
import type { User } from '../graphql/operations';
import { useTranslation } from '../i18n';
import { IntegrationCard } from '../integrations/IntegrationCard';
import { INTEGRATIONS } from '../integrations/api';
import { connectResultMessage } from '../integrations/words';
import { providerName } from '../oidc/messages';
import { useDocumentTitle, useFocusOnNavigation } from '../lib/focus';
import { PATHS, queryParam, useForgetQuery } from '../lib/router';
import { queryFailureMessage, useGraphQLQuery } from '../graphql/query';
import { queryKeys } from '../graphql/queryKeys';

const NO_VARIABLES = {};

/**
 * Connected accounts: a card per provider this server can connect (or that is connected). The provider sends the
 * browser back here with `?provider=google&result=granted|partial|denied|error`, said once at the top.
 */
export function IntegrationsPage({ user }: { user: User }) {
  const { t } = useTranslation();
  const session = useSession();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const forgetQuery = useForgetQuery();
  const [message, setMessage] = useState(() => connectResultMessage(queryParam('provider'), queryParam('result')));
  const { state, reload, replace } = useGraphQLQuery(session.client, queryKeys.integrations.all, INTEGRATIONS, NO_VARIABLES);
  const queryClient = useQueryClient();
  // A sync or a disconnection changes the calendars' events and the imported tasks: read again when next shown.
  const calendarsChanged = () => {
    for (const queryKey of [queryKeys.agenda.all, queryKeys.tasks.all]) void queryClient.invalidateQueries({ queryKey, refetchType: 'none' });
  };
  useDocumentTitle(t('integrations.title'));
  useFocusOnNavigation(headingRef);

  useEffect(() => {
    forgetQuery('provider', 'result');
  }, []); // Once, at arrival: the outcome is said, and a reload should not say it again.

  const data = state.status === 'ready' ? state.data : null;
  const integrations = data?.integrations ?? [];
  const providers = data
    ? [...new Set([...data.integrationProviders, ...integrations.map((i) => i.provider)])]
    : [];

  return (
    <AppShell user={user} current="settings" mainClassName="app-main settings-page">
      <p>
        <Link to={PATHS.settings}>{t('integrations.back')}</Link>
      </p>
      <PageHeading ref={headingRef}>{t('integrations.title')}</PageHeading>
      <p className="lead">{t('integrations.lead')}</p>
      <div className={message ? 'notice notice--info' : 'notice notice--empty'} role="status" aria-live="polite" aria-atomic="true">
        {message}
      </div>
      {state.status === 'loading' ? <Loading what={t('integrations.loading')} /> : null}
      {state.status === 'failed' ? <LoadProblem message={queryFailureMessage(state.failure)} onRetry={() => void reload()} /> : null}
      {data && providers.length === 0 ? <p>{t('integrations.noneOffered')}</p> : null}
      {data
        ? providers.map((provider) => {
            const integration = integrations.find((i) => i.provider === provider) ?? null;
            return (
              <IntegrationCard
                // A new connection starts its card afresh (its ticks follow what was granted).
                key={`${provider}-${integration?.id ?? 'none'}-${integration?.capabilities.join() ?? ''}`}
                client={session.client}
                provider={provider}
                integration={integration}
                sync={(data.integrationSyncs ?? []).find((s) => integration && s.integrationId === integration.id) ?? null}
                timeZone={user.timeZone}
                onSynced={(sync) => {
                  calendarsChanged();
                  replace((d) => ({
                    ...d,
                    integrationSyncs: [...(d.integrationSyncs ?? []).filter((s) => s.integrationId !== sync.integrationId), sync],
                  }));
                }}
                onDisconnected={(id, revoked) => {
                  calendarsChanged();
                  setMessage(
                    revoked
                      ? t('integrations.disconnected', { provider: providerName(provider) })
                      : t('integrations.disconnectedHere', { provider: providerName(provider) }),
                  );
                  replace((d) => ({
                    ...d,
                    integrations: (d.integrations ?? []).filter((i) => i.id !== id),
                    integrationSyncs: (d.integrationSyncs ?? []).filter((s) => s.integrationId !== id),
                  }));
                }}
              />
            );
          })
        : null}
    </AppShell>
  );
}
