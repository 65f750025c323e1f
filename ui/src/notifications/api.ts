// The bell's documents (notifications.graphqls).
import { graphql } from '../graphql/generated';
import type { NotificationsQuery } from '../graphql/generated/graphql';

export const NOTIFICATIONS = graphql(`
  query Notifications($first: Int!) {
    notifications(first: $first) {
      unreadCount
      edges {
        node {
          id
          title
          body
          createdAt
          readAt
        }
      }
    }
  }
`);

export const MARK_NOTIFICATIONS_READ = graphql(`
  mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {
    markNotificationsRead(input: $input) {
      unreadCount
      userErrors { field message code }
    }
  }
`);

export type AppNotification = NonNullable<NotificationsQuery['notifications']>['edges'][number]['node'];
