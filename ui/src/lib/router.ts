// The app's addresses, and the few things pages do with the address bar beyond react-router's links.
import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';

export const PATHS = {
  signin: '/signin',
  signup: '/signup',
  today: '/today',
  tasks: '/tasks',
  week: '/week',
  insights: '/insights',
  focus: '/focus',
  settings: '/settings',
  integrations: '/settings/integrations',
  admin: '/admin',
  forgotPassword: '/forgot-password',
  resetPassword: '/reset-password',
  verifyEmail: '/verify-email',
} as const;

/** The focus page of one task. */
export function focusPath(taskId: string): string {
  return `${PATHS.focus}/${encodeURIComponent(taskId)}`;
}

/** One query parameter of the address the page opened with, e.g. the `token` of a mailed link; null when absent. */
export function queryParam(name: string): string | null {
  return new URLSearchParams(window.location.search).get(name);
}

/**
 * Takes query parameters out of the address bar without a new history entry, e.g. a one-time token once it has been
 * read: it then stays out of the history, of bookmarks and of screenshots.
 */
export function useForgetQuery(): (...names: string[]) => void {
  const navigate = useNavigate();
  const location = useLocation();
  return (...names: string[]) => {
    const params = new URLSearchParams(location.search);
    if (!names.some((name) => params.has(name))) return;
    for (const name of names) params.delete(name);
    const search = params.toString();
    void navigate({ pathname: location.pathname, search: search ? `?${search}` : '', hash: location.hash }, { replace: true });
  };
}

/**
 * The one-time token of a mailed link (`?token=...`), read once when the page opens and then taken out of the address
 * bar; null when the address has none.
 */
export function useAddressToken(): string | null {
  const [token] = useState(() => queryParam('token'));
  const forget = useForgetQuery();
  useEffect(() => {
    if (token) forget('token');
  }, [token]); // Once, at arrival: `forget` changes with the address it then changes.
  return token;
}
