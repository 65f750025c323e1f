// Routing with the History API: a handful of paths, no library.
import type { MouseEvent } from 'react';
import { useEffect, useState } from 'react';

export type Route = 'signin' | 'signup' | 'today' | 'root' | 'notFound';

export const PATHS = {
  signin: '/signin',
  signup: '/signup',
  today: '/today',
} as const;

export function routeFor(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  switch (path) {
    case '/':
      return 'root';
    case PATHS.signin:
      return 'signin';
    case PATHS.signup:
      return 'signup';
    case PATHS.today:
      return 'today';
    default:
      return 'notFound';
  }
}

const NAVIGATE_EVENT = 'pa:navigate';

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (window.location.pathname === path) return;
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
