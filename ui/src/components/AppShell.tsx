import { useState, type ReactNode } from 'react';
import { useSession } from '../auth/SessionContext';
import type { User } from '../graphql/operations';
import { GENERIC_MESSAGE } from '../lib/formErrors';
import { linkProps, navigate, PATHS } from '../lib/router';
import { clearAllDrafts } from '../tasks/draft';
import { Brand, FormAlert } from './Notice';

const SIGN_OUT_NETWORK_MESSAGE =
  'We couldn’t reach your assistant to sign you out. Check your connection and try again.';

export type AppPage = 'today' | 'settings' | 'admin';

interface MenuItem {
  page: AppPage;
  label: string;
  path: string;
}

/** The app menu: Today and Settings for everyone, Admin only for admins. */
export function menuFor(user: User): MenuItem[] {
  const items: MenuItem[] = [
    { page: 'today', label: 'Today', path: PATHS.today },
    { page: 'settings', label: 'Settings', path: PATHS.settings },
  ];
  if (user.role === 'ADMIN') items.push({ page: 'admin', label: 'Admin', path: PATHS.admin });
  return items;
}

/**
 * The frame of every signed-in page: the top bar (brand, app menu, Sign out) and the page's `<main>`. A sign-out that
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
  /** Room for tables (Admin): the top bar follows the page's width. */
  wide?: boolean;
  children: ReactNode;
}) {
  const session = useSession();
  const [signingOut, setSigningOut] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const signOut = async () => {
    if (signingOut) return;
    setSigningOut(true);
    setNotice(null);
    const outcome = await session.logout();
    if (outcome.kind === 'success') {
      clearAllDrafts();
      navigate(PATHS.signin, { replace: true });
      return;
    }
    setSigningOut(false);
    setNotice(outcome.kind === 'network' ? SIGN_OUT_NETWORK_MESSAGE : GENERIC_MESSAGE);
  };

  return (
    <div className="page page--app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className={wide ? 'topbar topbar--wide' : 'topbar'}>
        <Brand />
        <nav className="app-menu" aria-label="App menu">
          <ul className="app-menu__list">
            {menuFor(user).map((item) => (
              <li key={item.page}>
                <a
                  className="app-menu__link"
                  aria-current={item.page === current ? 'page' : undefined}
                  {...linkProps(item.path)}
                >
                  {item.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <button
          type="button"
          className="button button--quiet topbar__signout"
          onClick={signOut}
          aria-disabled={signingOut || undefined}
        >
          {signingOut ? 'Signing out…' : 'Sign out'}
        </button>
      </header>
      <main className={mainClassName} id="main" tabIndex={-1}>
        <FormAlert message={notice} />
        {children}
      </main>
    </div>
  );
}
