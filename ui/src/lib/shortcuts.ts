// Single-key shortcuts (n, /, j, k, x, e, ?): never while typing in a field, never with Ctrl, Alt or Meta (the
// browser's and the screen reader's own keys), and not behind an open dialog unless the dialog asks for them.
import { useEffect, useRef } from 'react';

const MODAL = '[data-modal-dialog]';

/** True when the key press belongs to what the person is typing, or to someone else's shortcut. */
export function isTyping(event: KeyboardEvent): boolean {
  if (event.ctrlKey || event.altKey || event.metaKey || event.isComposing) return true;
  const target = event.target as HTMLElement | null;
  if (!target || typeof target.closest !== 'function') return false;
  if (target.isContentEditable) return true;
  const field = target.closest('input, textarea, select');
  if (!field) return false;
  // A checkbox or a button-like input takes no text.
  const type = (field as HTMLInputElement).type;
  return !(field instanceof HTMLInputElement) || !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(type);
}

/**
 * Calls `handler` when one of `keys` is pressed outside a text field (the key's `event.key`, e.g. 'n', '/', '?').
 * The default action is prevented (a '/' is not typed into the box it focuses).
 */
export function useShortcut(keys: readonly string[], handler: (event: KeyboardEvent) => void, enabled = true): void {
  const latest = useRef(handler);
  latest.current = handler;
  const keyList = keys.join('\u0000');
  useEffect(() => {
    if (!enabled) return;
    const wanted = new Set(keyList.split('\u0000'));
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || !wanted.has(event.key) || isTyping(event)) return;
      // An open modal (components/Dialog) keeps the keys of the page behind it.
      if (document.querySelector(MODAL) && !(event.target as HTMLElement | null)?.closest?.(MODAL)) return;
      event.preventDefault();
      latest.current(event);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [keyList, enabled]);
}
