import { useCallback, useEffect, useRef, useState } from 'react';
import type { GraphQLClient } from '../graphql/client';
import { MARK_NOTIFICATIONS_READ, NOTIFICATIONS, type AppNotification } from './api';
import { showBrowserNotification } from './browserNotifications';

/** How often an open tab looks for new notifications (and at once when it becomes visible again). */
export const POLL_MS = 60_000;
const SHOWN = 20;

/**
 * The newest notifications and the unread count, kept fresh while the tab is open. Those that arrive after the first
 * load are also shown as browser notifications when the person turned them on.
 */
export function useNotifications(client: GraphQLClient) {
  const [items, setItems] = useState<AppNotification[]>([]);
  const [unread, setUnread] = useState(0);
  const seen = useRef<Set<string> | null>(null);

  const load = useCallback(async () => {
    const result = await client.request(NOTIFICATIONS, { first: SHOWN });
    if (result.kind !== 'ok' || !result.data.notifications) return;
    const list = result.data.notifications.edges.map((e) => e.node);
    if (seen.current) {
      for (const n of list) if (!n.readAt && !seen.current.has(n.id)) showBrowserNotification(n.id, n.title, n.body);
    }
    seen.current = new Set(list.map((n) => n.id));
    setItems(list);
    setUnread(result.data.notifications.unreadCount);
  }, [client]);

  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), POLL_MS);
    const onVisible = () => {
      if (document.visibilityState === 'visible') void load();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [load]);

  /** Marks the given notifications read, or all of them without ids. */
  const markRead = useCallback(
    async (ids?: string[]) => {
      const result = await client.request(MARK_NOTIFICATIONS_READ, { input: ids ? { ids } : {} });
      if (result.kind !== 'ok' || result.data.markNotificationsRead.unreadCount === null) return;
      const readAt = new Date().toISOString();
      setItems((list) => list.map((n) => (!n.readAt && (!ids || ids.includes(n.id)) ? { ...n, readAt } : n)));
      setUnread(result.data.markNotificationsRead.unreadCount);
    },
    [client],
  );

  return { items, unread, markRead, reload: load };
}
