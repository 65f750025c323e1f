// The capture text being typed, kept in this tab's sessionStorage so that a reload or a crash of the tab does not
// lose it. Only while there is text: an empty box leaves nothing behind. Sign-out clears it.

const PREFIX = 'pa:capture-draft:';

function storage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

export function draftKeyFor(userId: string): string {
  return `${PREFIX}${userId}`;
}

export function loadDraft(key: string): string {
  try {
    return storage()?.getItem(key) ?? '';
  } catch {
    return '';
  }
}

export function saveDraft(key: string, text: string): void {
  try {
    if (text) storage()?.setItem(key, text);
    else storage()?.removeItem(key);
  } catch {
    // Storage full or forbidden: the text stays in the box all the same.
  }
}

export function clearDraft(key: string): void {
  saveDraft(key, '');
}

/** Forgets every draft of this tab (at sign-out). */
export function clearAllDrafts(): void {
  const s = storage();
  if (!s) return;
  try {
    for (let i = s.length - 1; i >= 0; i--) {
      const key = s.key(i);
      if (key?.startsWith(PREFIX)) s.removeItem(key);
    }
  } catch {
    // Nothing to do.
  }
}
