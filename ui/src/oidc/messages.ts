// What the SPA says when the server sends the browser back from a provider: /signin?error=CODE,
// /settings?error=CODE or /settings?linked=PROVIDER.

import { i18n } from '../i18n';

const CODES = [
  'oidc_state',
  'oidc_provider_error',
  'oidc_failed',
  'oidc_email_unverified',
  'oidc_account_exists',
  'oidc_identity_in_use',
  'oidc_already_linked',
  'oidc_account_unavailable',
  'oidc_link_expired',
  'oidc_unavailable',
  'oidc_rate_limited',
] as const;

export function providerErrorMessage(code: string): string {
  const known = CODES.find((c) => c === code);
  return known ? i18n.t(`oidc.${known}`) : i18n.t('oidc.fallback');
}

const NAMES: Record<string, string> = { GOOGLE: 'Google', MICROSOFT: 'Microsoft' };

/** "Google" for GOOGLE; the code as it is for a provider this page does not know. */
export function providerName(code: string): string {
  return NAMES[code.toUpperCase()] ?? code;
}
