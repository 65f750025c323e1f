// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pinClock, releaseClock } from '../test/clock';
import { FakeAccountsServer } from '../test/fakeGraphQL';
import { renderApp } from '../test/renderApp';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** A stand-in for the browser's Notification API that records what it is asked. */
class FakeBrowserNotification {
  static permission: NotificationPermission = 'default';
  static requests = 0;
  static shown: Array<{ title: string; body?: string; tag?: string }> = [];
  static async requestPermission(): Promise<NotificationPermission> {
    FakeBrowserNotification.requests += 1;
    FakeBrowserNotification.permission = 'granted';
    return 'granted';
  }
  constructor(title: string, options: NotificationOptions = {}) {
    FakeBrowserNotification.shown.push({ title, body: options.body, tag: options.tag });
  }
}

function server(): FakeAccountsServer {
  const s = new FakeAccountsServer();
  s.cookie = 'cookie-0';
  s.activity.notifications = [
    { id: 'n2', title: 'Pay rent', body: 'Due today', createdAt: '2026-11-25T09:00:00Z', readAt: null },
    { id: 'n1', title: 'Call mom', body: null, createdAt: '2026-11-24T18:00:00Z', readAt: null },
    { id: 'n0', title: 'Old news', body: null, createdAt: '2026-11-20T18:00:00Z', readAt: '2026-11-21T08:00:00Z' },
  ];
  return s;
}

describe('Notification bell', () => {
  beforeEach(() => {
    pinClock('2026-11-25T14:00:00Z');
    localStorage.clear();
    FakeBrowserNotification.permission = 'default';
    FakeBrowserNotification.requests = 0;
    FakeBrowserNotification.shown = [];
    vi.stubGlobal('Notification', FakeBrowserNotification);
  });
  afterEach(() => {
    cleanup();
    releaseClock();
    vi.unstubAllGlobals();
  });

  it('counts the unread, lists the newest, and marks one or all read', async () => {
    const s = server();
    await renderApp('/today', s);
    const bell = await screen.findByRole('button', { name: 'Notifications: 2 unread' });
    expect(bell.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(bell);
    const panel = screen.getByRole('dialog', { name: 'Notifications' });
    expect(bell.getAttribute('aria-expanded')).toBe('true');
    expect([...panel.querySelectorAll('.bell__title')].map((p) => p.textContent)).toEqual(['New: Pay rent', 'New: Call mom', 'Old news']);
    expect(panel.textContent).toContain('Due today');

    fireEvent.click(within(panel).getByRole('button', { name: 'Mark “Pay rent” read' }));
    await screen.findByRole('button', { name: 'Notifications: 1 unread' });
    expect(s.activity.notifications.find((n) => n.id === 'n2')!.readAt).not.toBeNull();
    expect(s.activity.notifications.find((n) => n.id === 'n1')!.readAt).toBeNull();

    fireEvent.click(within(panel).getByRole('button', { name: 'Mark all read' }));
    await screen.findByRole('button', { name: 'Notifications' });
    expect(s.activity.notifications.every((n) => n.readAt)).toBe(true);
    expect(within(panel).queryByRole('button', { name: /^Mark/ })).toBeNull();

    fireEvent.keyDown(document, { key: 'Escape' });
    expect(bell.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('dialog', { name: 'Notifications' })).toBeNull();
    // Radix gives the focus back once the panel has gone (a task later).
    await waitFor(() => expect(document.activeElement).toBe(bell));
  });

  it('says it opens a dialog, and moves the focus into the panel when it opens', async () => {
    await renderApp('/today', server());
    const bell = await screen.findByRole('button', { name: 'Notifications: 2 unread' });
    expect(bell.getAttribute('aria-haspopup')).toBe('dialog');
    fireEvent.click(bell);
    const panel = screen.getByRole('dialog', { name: 'Notifications' });
    expect(bell.getAttribute('aria-controls')).toBe(panel.id);
    await waitFor(() => expect(panel.contains(document.activeElement)).toBe(true));
  });

  it('asks the browser for permission only when the person presses the button, then shows what arrives later', async () => {
    const s = server();
    await renderApp('/today', s);
    fireEvent.click(await screen.findByRole('button', { name: 'Notifications: 2 unread' }));
    expect(FakeBrowserNotification.requests).toBe(0);

    fireEvent.click(screen.getByRole('button', { name: 'Also show them as browser notifications' }));
    await screen.findByText('Browser notifications are on while a tab is open.');
    expect(FakeBrowserNotification.requests).toBe(1);
    // What was there before is not shown again.
    expect(FakeBrowserNotification.shown).toEqual([]);

    s.activity.notifications.unshift({ id: 'n3', title: 'Take meds', body: 'Now', createdAt: '2026-11-25T13:59:00Z', readAt: null });
    await act(async () => {
      document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
    });
    await screen.findByRole('button', { name: 'Notifications: 3 unread' });
    await waitFor(() => expect(FakeBrowserNotification.shown).toEqual([{ title: 'Take meds', body: 'Now', tag: 'n3' }]));

    fireEvent.click(screen.getByRole('button', { name: 'Turn off' }));
    s.activity.notifications.unshift({ id: 'n4', title: 'Stretch', body: null, createdAt: '2026-11-25T14:00:00Z', readAt: null });
    await act(async () => {
      document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
    });
    await screen.findByRole('button', { name: 'Notifications: 4 unread' });
    expect(FakeBrowserNotification.shown).toHaveLength(1);
  });

  it('says so when the browser blocks notifications, without asking', async () => {
    FakeBrowserNotification.permission = 'denied';
    await renderApp('/today', server());
    fireEvent.click(await screen.findByRole('button', { name: 'Notifications: 2 unread' }));
    expect(screen.getByText(/This browser blocks notifications from this site/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Also show them as browser notifications' })).toBeNull();
    expect(FakeBrowserNotification.requests).toBe(0);
  });
});
