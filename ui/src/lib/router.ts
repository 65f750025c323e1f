// Routing with the History API: a handful of paths, no library.
import type { MouseEvent } from 'react';
import { useEffect, useState } from 'react';

export const PATHS = {
  signin: '/signin',
  signup: '/signup',
  today: '/today',
  settings: '/settings',
  admin: '/admin',
  forgotPassword: '/forgot-password',
  resetPassword: '/reset-password',
  verifyEmail: '/verify-email',
} as const;

export type Route = keyof typeof PATHS | 'root' | 'notFound';

const ROUTES = new Map<string, Route>(Object.entries(PATHS).map(([route, path]) => [path, route as Route]));

export function routeFor(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/') return 'root';
  return ROUTES.get(path) ?? 'notFound';
}

const NAVIGATE_EVENT = 'pa:navigate';

/**
 * Goes to `path` in the app; nothing happens when already there. A path without a query is "there" whatever the
 * current query, so that a redirect to /signin keeps a /signin?deleted=1 the page has yet to read.
 */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  const here = path.includes('?') ? window.location.pathname + window.location.search : window.location.pathname;
  if (here === path) return;
  if (options.replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

export function usePathname(): string {
  const [pathname, setPathname] = useState(() => window.location.pathname);
  useEffect(() => {
    const update = () => setPathname(window.location.pathname);
    window.addEventListener('popstate', update);
    window.addEventListener(NAVIGATE_EVENT, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(NAVIGATE_EVENT, update);
    };
  }, []);
  return pathname;
}

/** One query parameter of the current address, e.g. the `token` of a mailed link; null when absent. */
export function queryParam(name: string): string | null {
  return new URLSearchParams(window.location.search).get(name);
}

/**
 * Takes query parameters out of the address bar without navigating, e.g. a one-time token once it has been read:
 * it then stays out of the history, of bookmarks and of screenshots.
 */
export function forgetQuery(...names: string[]): void {
  const params = new URLSearchParams(window.location.search);
  for (const name of names) params.delete(name);
  const search = params.toString();
  window.history.replaceState(window.history.state, '', window.location.pathname + (search ? `?${search}` : '') + window.location.hash);
}

/** Props for an <a> that navigates in-app on a plain click and still works with Ctrl/Cmd-click and middle-click. */
export function linkProps(path: string): { href: string; onClick: (e: MouseEvent<HTMLAnchorElement>) => void } {
  return {
    href: path,
    onClick: (e) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      e.preventDefault();
      navigate(path);
    },
  };
}

/**
 * The one-time token of a mailed link (`?token=...`), read once when the page opens and then taken out of the address
 * bar (see {@link forgetQuery}); null when the address has none.
 */
export function useAddressToken(): string | null {
  const [token] = useState(() => queryParam('token'));
  useEffect(() => {
    if (token) forgetQuery('token');
  }, [token]);
  return token;
}
