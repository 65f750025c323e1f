import { useEffect, useState } from 'react';
import { useSessionState } from './auth/SessionContext';
import { navigate, PATHS, routeFor, usePathname, type Route } from './lib/router';
import { AdminPage } from './pages/AdminPage';
import { ForgotPasswordPage } from './pages/ForgotPasswordPage';
import { ResetPasswordPage } from './pages/ResetPasswordPage';
import { SettingsPage } from './pages/SettingsPage';
import { SignInPage } from './pages/SignInPage';
import { SignUpPage } from './pages/SignUpPage';
import { NotFoundPage, RestoringPage, UnreachablePage } from './pages/StatusPages';
import { TodayPage } from './pages/TodayPage';
import { VerifyEmailPage } from './pages/VerifyEmailPage';

/** Pages for signed-in people only; the others are for signed-out people, or for everyone. */
const SIGNED_IN_ONLY: ReadonlySet<Route> = new Set(['root', 'today', 'settings', 'admin']);
const SIGNED_OUT_ONLY: ReadonlySet<Route> = new Set(['root', 'signin', 'signup']);

/** Where a path leads for a signed-in or signed-out person; null when the path is right as it is. */
export function redirectFor(pathname: string, signedIn: boolean): string | null {
  const route = routeFor(pathname);
  if (signedIn) return SIGNED_OUT_ONLY.has(route) ? PATHS.today : null;
  return SIGNED_IN_ONLY.has(route) ? PATHS.signin : null;
}

export function App() {
  const state = useSessionState();
  const pathname = usePathname();
  // The email typed on one form follows to the other (sign in ⇄ create account).
  const [email, setEmail] = useState('');

  const signedIn = state.status === 'signedIn';
  const settled = state.status === 'signedIn' || state.status === 'signedOut';
  const redirect = settled ? redirectFor(pathname, signedIn) : null;

  useEffect(() => {
    if (redirect) navigate(redirect, { replace: true });
  }, [redirect]);

  if (state.status === 'restoring') return <RestoringPage />;
  if (state.status === 'unreachable') return <UnreachablePage />;
  if (redirect) return <RestoringPage />;

  const route = routeFor(pathname);
  // Pages of mailed links work whether or not this browser is signed in.
  if (route === 'verifyEmail') return <VerifyEmailPage />;
  if (route === 'resetPassword') return <ResetPasswordPage />;
  if (route === 'forgotPassword') return <ForgotPasswordPage email={email} onEmailChange={setEmail} />;
  if (state.status === 'signedIn') {
    if (route === 'today') return <TodayPage user={state.user} />;
    if (route === 'settings') return <SettingsPage user={state.user} />;
    if (route === 'admin') return <AdminPage user={state.user} />;
    return <NotFoundPage homePath={PATHS.today} homeLabel="Go to Today" />;
  }
  if (route === 'signup') return <SignUpPage email={email} onEmailChange={setEmail} />;
  if (route === 'signin') return <SignInPage email={email} onEmailChange={setEmail} />;
  return <NotFoundPage homePath={PATHS.signin} homeLabel="Go to sign in" />;
}
