// What the SPA says when the server sends the browser back from a provider: /signin?error=CODE,
// /settings?error=CODE or /settings?linked=PROVIDER.

const MESSAGES: Record<string, string> = {
  oidc_state: 'That sign-in took too long, or was started in another browser. Please try again.',
  oidc_provider_error: 'The sign-in at the provider didn’t finish. Try again whenever you’re ready.',
  oidc_failed: 'We couldn’t complete the sign-in with that provider. Please try again.',
  oidc_email_unverified:
    'The provider didn’t confirm an email address for that account, so we couldn’t create one here. You can sign up with your email instead.',
  oidc_account_exists:
    'An account here already uses that email. Sign in with your password, then link the provider from Settings.',
  oidc_identity_in_use: 'That provider account is already linked to another account here.',
  oidc_already_linked: 'You already have an account of that provider linked. Unlink it first to link another one.',
  oidc_account_unavailable: 'This account can’t sign in right now. Please contact whoever runs this assistant.',
  oidc_link_expired: 'That link expired before it was used. Please start again.',
  oidc_unavailable: 'That provider can’t be reached right now. Try again later, or use your password.',
  oidc_rate_limited: 'Too many sign-in attempts from your network. Please wait a while and try again.',
};

const FALLBACK = 'Signing in with that provider didn’t work. Please try again, or use your password.';

export function providerErrorMessage(code: string): string {
  return MESSAGES[code] ?? FALLBACK;
}

const NAMES: Record<string, string> = { GOOGLE: 'Google', MICROSOFT: 'Microsoft' };

/** "Google" for GOOGLE; the code as it is for a provider this page does not know. */
export function providerName(code: string): string {
  return NAMES[code.toUpperCase()] ?? code;
}
