import { useEffect, type RefObject } from 'react';
import { i18n } from '../i18n';

let firstPageShown = false;

/**
 * Moves focus to `ref` when a page mounts after an in-app navigation, so keyboard and screen-reader users start at
 * the new page's heading. The very first page of a load keeps the browser's default focus, and focus the person (or
 * the page) already put somewhere is left there.
 */
export function useFocusOnNavigation(ref: RefObject<HTMLElement>): void {
  useEffect(() => {
    if (!firstPageShown) {
      firstPageShown = true;
      return;
    }
    const active = document.activeElement;
    const nowhere = !active || active === document.body || active.closest('nav') !== null;
    if (nowhere) ref.current?.focus({ preventScroll: false });
  }, [ref]);
}

export function useDocumentTitle(title: string): void {
  useEffect(() => {
    const app = i18n.t('common.appName');
    document.title = title ? `${title} · ${app}` : app;
  }, [title]);
}
