import { lazy, Suspense, useEffect, useState } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { useSessionState } from './auth/SessionContext';
import { browserLanguage, setLanguage, useTranslation } from './i18n';
import { PATHS } from './lib/router';
import { SignInPage } from './pages/SignInPage';
import { SignUpPage } from './pages/SignUpPage';
import { LoadingPage, NotAvailablePage, NotFoundPage, RestoringPage, UnreachablePage } from './pages/StatusPages';
import { TodayPage } from './pages/TodayPage';

// Pages beyond the first screen load when first opened, so the first screen comes sooner.
const TasksPage = lazy(() => import('./pages/TasksPage').then((m) => ({ default: m.TasksPage })));
const WeekPage = lazy(() => import('./pages/WeekPage').then((m) => ({ default: m.WeekPage })));
const InsightsPage = lazy(() => import('./pages/InsightsPage').then((m) => ({ default: m.InsightsPage })));
const FocusPage = lazy(() => import('./pages/FocusPage').then((m) => ({ default: m.FocusPage })));
const SettingsPage = lazy(() => import('./pages/SettingsPage').then((m) => ({ default: m.SettingsPage })));
const IntegrationsPage = lazy(() => import('./pages/IntegrationsPage').then((m) => ({ default: m.IntegrationsPage })));
const AdminPage = lazy(() => import('./pages/AdminPage').then((m) => ({ default: m.AdminPage })));
const ForgotPasswordPage = lazy(() => import('./pages/ForgotPasswordPage').then((m) => ({ default: m.ForgotPasswordPage })));
const ResetPasswordPage = lazy(() => import('./pages/ResetPasswordPage').then((m) => ({ default: m.ResetPasswordPage })));
const VerifyEmailPage = lazy(() => import('./pages/VerifyEmailPage').then((m) => ({ default: m.VerifyEmailPage })));

const SIGNED_IN_ONLY = new Set<string>(['/', PATHS.today, PATHS.tasks, PATHS.week, PATHS.insights, PATHS.settings, PATHS.integrations, PATHS.admin]);
const SIGNED_OUT_ONLY = new Set<string>(['/', PATHS.signin, PATHS.signup]);

/** Where a path leads for a signed-in or signed-out person; null when the path is right as it is. */
export function redirectFor(pathname: string, signedIn: boolean): string | null {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (signedIn) return SIGNED_OUT_ONLY.has(path) ? PATHS.today : null;
  return SIGNED_IN_ONLY.has(path) || path.startsWith(`${PATHS.focus}/`) ? PATHS.signin : null;
}

export function App() {
  const state = useSessionState();
  const location = useLocation();
  // Re-renders the whole app when the language changes.
  useTranslation();
  // The email typed on one form follows to the other (sign in ⇄ create account).
  const [email, setEmail] = useState('');

  const user = state.status === 'signedIn' ? state.user : null;
  const settled = state.status === 'signedIn' || state.status === 'signedOut';
  const redirect = settled ? redirectFor(location.pathname, user !== null) : null;

  // The profile's language once signed in; the browser's before (and after signing out).
  const locale = user?.locale ?? null;
  useEffect(() => {
    if (settled) void setLanguage(locale ?? browserLanguage());
  }, [settled, locale]);

  if (state.status === 'restoring') return <RestoringPage />;
  if (state.status === 'unreachable') return <UnreachablePage />;
  if (redirect) return <Navigate to={redirect} replace />;

  return (
    <Suspense fallback={<LoadingPage />}>
      <Routes>
        {/* Pages of mailed links work whether or not this browser is signed in. */}
        <Route path={PATHS.verifyEmail} element={<VerifyEmailPage />} />
        <Route path={PATHS.resetPassword} element={<ResetPasswordPage />} />
        <Route path={PATHS.forgotPassword} element={<ForgotPasswordPage email={email} onEmailChange={setEmail} />} />
        {user ? (
          <>
            <Route path={PATHS.today} element={<TodayPage user={user} />} />
            <Route path={PATHS.tasks} element={<TasksPage user={user} />} />
            <Route path={PATHS.week} element={<WeekPage user={user} />} />
            <Route path={PATHS.insights} element={<InsightsPage user={user} />} />
            <Route path={`${PATHS.focus}/:taskId`} element={<FocusPage user={user} />} />
            <Route path={PATHS.settings} element={<SettingsPage user={user} />} />
            <Route path={PATHS.integrations} element={<IntegrationsPage user={user} />} />
            <Route path={PATHS.admin} element={user.role === 'ADMIN' ? <AdminPage user={user} /> : <NotAvailablePage />} />
            <Route path="*" element={<NotFoundPage signedIn />} />
          </>
        ) : (
          <>
            <Route path={PATHS.signup} element={<SignUpPage email={email} onEmailChange={setEmail} />} />
            <Route path={PATHS.signin} element={<SignInPage email={email} onEmailChange={setEmail} />} />
            <Route path="*" element={<NotFoundPage signedIn={false} />} />
          </>
        )}
      </Routes>
    </Suspense>
  );
}
