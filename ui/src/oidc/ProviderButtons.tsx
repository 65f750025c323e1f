import { useSession } from '../auth/SessionContext';
import { useTranslation } from '../i18n';
import { browserTimeZone } from '../lib/dates';
import { useGraphQLQuery } from '../graphql/query';
import { queryKeys } from '../graphql/queryKeys';
import { SIGN_IN_PROVIDERS, type SignInProvider } from './api';

const NO_VARIABLES = {};

/** The provider's start URL, with this browser's time zone for an account it may create. */
export function startUrlFor(provider: SignInProvider, timeZone: string): string {
  const url = new URL(provider.startUrl, window.location.origin);
  url.searchParams.set('timeZone', timeZone);
  return url.origin === window.location.origin ? url.pathname + url.search : url.toString();
}

/**
 * "Sign in with Google / Microsoft" for each provider the server offers; nothing when it offers none or cannot say.
 * Each is a plain link: the browser goes to the server, then to the provider, and comes back signed in.
 */
export function ProviderButtons() {
  const { t } = useTranslation();
  const session = useSession();
  const { state } = useGraphQLQuery(session.client, queryKeys.signIn.providers(), SIGN_IN_PROVIDERS, NO_VARIABLES);
  const providers = state.status === 'ready' ? state.data.signInProviders : [];
  if (providers.length === 0) return null;
  const timeZone = browserTimeZone();
  return (
    <div className="providers">
      <p className="providers__or">
        <span>{t('oidc.or')}</span>
      </p>
      <ul className="providers__list">
        {providers.map((provider) => (
          <li key={provider.provider}>
            <a className="button button--quiet button--block" href={startUrlFor(provider, timeZone)}>
              {t('oidc.signInWith', { provider: provider.name })}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
