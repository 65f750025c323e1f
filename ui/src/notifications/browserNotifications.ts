// Browser notifications (the Notification API) for what arrives while a tab is open. Permission is asked only when the
// person presses the button that offers them (a user gesture), never on load; the choice to use them is kept per
// browser.

const KEY = 'pa.browserNotifications';

export type BrowserPermission = 'unsupported' | NotificationPermission;

export function browserPermission(): BrowserPermission {
  return typeof window !== 'undefined' && 'Notification' in window ? Notification.permission : 'unsupported';
}

/** On when permitted and the person asked for them here (and did not turn them off). */
export function browserNotificationsOn(): boolean {
  return browserPermission() === 'granted' && localStorage.getItem(KEY) === 'on';
}

/** Asks the browser (call from a click); true when they are now on. */
export async function turnOnBrowserNotifications(): Promise<boolean> {
  if (browserPermission() === 'unsupported') return false;
  const permission = Notification.permission === 'granted' ? 'granted' : await Notification.requestPermission();
  if (permission !== 'granted') return false;
  localStorage.setItem(KEY, 'on');
  return true;
}

export function turnOffBrowserNotifications(): void {
  localStorage.removeItem(KEY);
}

export function showBrowserNotification(id: string, title: string, body: string | null): void {
  if (!browserNotificationsOn()) return;
  // The tag makes a second tab showing the same notification replace it rather than repeat it.
  new Notification(title, { body: body ?? undefined, tag: id });
}
