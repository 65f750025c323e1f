import { useState, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { useSession } from '../auth/SessionContext';
import type { User } from '../graphql/operations';
import { useTranslation } from '../i18n';
import { genericMessage } from '../lib/formErrors';
import { PATHS } from '../lib/router';
import { NotificationBell } from '../notifications/NotificationBell';
import { clearAllDrafts } from '../tasks/draft';
import { Brand, FormAlert } from './Notice';

export type AppPage = 'today' | 'tasks' | 'week' | 'insights' | 'settings' | 'admin';

interface MenuItem {
  page: AppPage;
  path: string;
}

/** The app menu: Today, Tasks, Week, Insights and Settings for everyone, Admin only for admins. */
export function menuFor(user: User): MenuItem[] {
  const items: MenuItem[] = [
    { page: 'today', path: PATHS.today },
    { page: 'tasks', path: PATHS.tasks },
    { page: 'week', path: PATHS.week },
    { page: 'insights', path: PATHS.insights },
    { page: 'settings', path: PATHS.settings },
  ];
  if (user.role === 'ADMIN') items.push({ page: 'admin', path: PATHS.admin });
  return items;
}

/**
 * The frame of every signed-in page: the top bar (brand, app menu, notification bell, Sign out) and the page's `<main>`. A sign-out that
 * cannot reach the server keeps the person signed in and says so at the top of the page.
 */
export function AppShell({
  user,
  current,
  mainClassName,
  wide = false,
  children,
}: {
  user: User;
  current: AppPage;
  mainClassName: string;
  /** Room for tables (Admin) and the task panel (Tasks): the top bar follows the page's width. */
  wide?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const [signingOut, setSigningOut] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const signOut = async () => {
    if (signingOut) return;
    setSigningOut(true);
    setNotice(null);
    const outcome = await session.logout();
    if (outcome.kind === 'success') {
      clearAllDrafts();
      void navigate(PATHS.signin, { replace: true });
      return;
    }
    setSigningOut(false);
    setNotice(outcome.kind === 'network' ? t('shell.signOutOffline') : genericMessage());
  };

  return (
    <div className="page page--app">
      <a className="skip-link" href="#main">
        {t('shell.skip')}
      </a>
      <header className={wide ? 'topbar topbar--wide' : 'topbar'}>
        <Brand />
        <nav className="app-menu" aria-label={t('shell.menu')}>
          <ul className="app-menu__list">
            {menuFor(user).map((item) => (
              <li key={item.page}>
                <Link className="app-menu__link" aria-current={item.page === current ? 'page' : undefined} to={item.path}>
                  {t(`shell.pages.${item.page}`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <NotificationBell user={user} />
        <button
          type="button"
          className="button button--quiet topbar__signout"
          onClick={signOut}
          aria-disabled={signingOut || undefined}
        >
          {signingOut ? t('shell.signingOut') : t('shell.signOut')}
        </button>
      </header>
      <main className={wide ? `${mainClassName} app-main--wide` : mainClassName} id="main" tabIndex={-1}>
        <FormAlert message={notice} />
        {children}
      </main>
    </div>
  );
}
