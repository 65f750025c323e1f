import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import type { GraphQLClient } from '../graphql/client';
import type { NotificationsQuery } from '../graphql/generated/graphql';
import { present, requestData } from '../graphql/query';
import { queryKeys } from '../graphql/queryKeys';
import { MARK_NOTIFICATIONS_READ, NOTIFICATIONS, type AppNotification } from './api';
import { showBrowserNotification } from './browserNotifications';

/** How often an open tab looks for new notifications (and at once when it becomes visible again). */
export const POLL_MS = 60_000;
const SHOWN = 20;

type Latest = NonNullable<NotificationsQuery['notifications']>;
const NONE: AppNotification[] = [];

/**
 * The newest notifications and the unread count, kept fresh in the query cache while the tab is open (polled, even
 * in the background, and asked again whenever the tab is looked at). Those that arrive after the first answer are
 * also shown as browser notifications when the person turned them on.
 */
export function useNotifications(client: GraphQLClient) {
  const queryClient = useQueryClient();
  const key = queryKeys.notifications.latest(SHOWN);
  const query = useQuery({
    queryKey: key,
    queryFn: async () => present((await requestData(client, NOTIFICATIONS, { first: SHOWN })).notifications),
    refetchInterval: POLL_MS,
    refetchIntervalInBackground: true,
    refetchOnWindowFocus: 'always',
  });
  const seen = useRef<Set<string> | null>(null);
  const items = query.data?.edges.map((e) => e.node) ?? NONE;

  useEffect(() => {
    if (!query.data) return;
    const list = query.data.edges.map((e) => e.node);
    if (seen.current) {
      for (const n of list) if (!n.readAt && !seen.current.has(n.id)) showBrowserNotification(n.id, n.title, n.body);
    }
    seen.current = new Set(list.map((n) => n.id));
  }, [query.data]);

  const { mutateAsync } = useMutation({
    mutationFn: async (ids: string[] | undefined) => ({
      ids,
      unreadCount: (await requestData(client, MARK_NOTIFICATIONS_READ, { input: ids ? { ids } : {} })).markNotificationsRead.unreadCount,
    }),
    onSuccess: ({ ids, unreadCount }) => {
      if (unreadCount === null) return;
      const readAt = new Date().toISOString();
      queryClient.setQueryData<Latest>(key, (data) =>
        data
          ? {
              unreadCount,
              edges: data.edges.map((e) => (!e.node.readAt && (!ids || ids.includes(e.node.id)) ? { node: { ...e.node, readAt } } : e)),
            }
          : data,
      );
    },
  });

  /** Marks the given notifications read, or all of them without ids. */
  const markRead = useCallback((ids?: string[]) => mutateAsync(ids).then(() => undefined, () => undefined), [mutateAsync]);

  return { items, unread: query.data?.unreadCount ?? 0, markRead };
}
