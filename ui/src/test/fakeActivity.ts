// An in-memory fake of the insights, focus-session, notifications and agenda API: the Insights page's numbers, the
// focus sessions recorded, the in-app notifications with their read state, and calendar events.
import type { InsightsData } from '../insights/api';
import { json } from './fakeGraphQL';

export interface FakeNotification {
  id: string;
  title: string;
  body: string | null;
  createdAt: string;
  readAt: string | null;
}

export function emptyInsights(): InsightsData {
  const none = { completed: 0, missed: 0, rate: null };
  const weekdays = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;
  return {
    last7Days: none,
    last30Days: none,
    completionsByHour: Array.from({ length: 24 }, (_, hour) => ({ hour, count: 0 })),
    completionsByWeekday: weekdays.map((weekday) => ({ weekday, count: 0 })),
    currentStreakDays: 0,
    breakdown: { tasks: 0, before: none, after: none },
    weeklyCompletions: Array.from({ length: 8 }, (_, i) => ({ week: `2026-W${41 + i}`, completions: 0 })),
    focusLast7Days: { sessions: 0, minutes: 0 },
    focusLast30Days: { sessions: 0, minutes: 0 },
  };
}

export class FakeActivityServer {
  insights: InsightsData = emptyInsights();
  focusSessions: Array<{ taskId: string; minutes: number }> = [];
  notifications: FakeNotification[] = [];
  /** Calendar events the agenda answers with (kind EVENT), whatever the days asked. */
  events: Array<{ title: string; date: string; allDay: boolean; startsAt: string | null; endsAt?: string | null; location?: string | null }> = [];
  /** The days each agenda request asked for. */
  agendaAsked: Array<{ from: unknown; to: unknown }> = [];

  /** Answers one of these operations, or null when the operation is not one of them. */
  handle(operationName: string, variables: Record<string, unknown>): Response | null {
    const input = (variables.input ?? {}) as Record<string, unknown>;
    switch (operationName) {
      case 'Agenda':
        this.agendaAsked.push({ from: variables.from, to: variables.to });
        return json({
          data: {
            agenda: {
              items: this.events.map((e) => ({ kind: 'EVENT', endsAt: null, location: null, link: null, ...e })),
            },
          },
        });
      case 'Insights':
        return json({ data: { insights: this.insights } });
      case 'RecordFocusSession': {
        const minutes = Number(input.minutes);
        if (minutes < 5 || minutes > 50) {
          return json({
            data: { recordFocusSession: { focusSession: null, userErrors: [{ field: 'minutes', message: 'From 5 to 50 minutes.', code: 'INVALID' }] } },
          });
        }
        this.focusSessions.push({ taskId: String(input.taskId), minutes });
        const totals = this.insights.focusLast30Days;
        this.insights.focusLast30Days = { sessions: totals.sessions + 1, minutes: totals.minutes + minutes };
        return json({ data: { recordFocusSession: { focusSession: { minutes, endedAt: new Date().toISOString() }, userErrors: [] } } });
      }
      case 'Notifications': {
        const unread = this.notifications.filter((n) => !n.readAt);
        return json({
          data: {
            notifications: {
              unreadCount: unread.length,
              edges: this.notifications.map((n) => ({ node: { ...n } })),
            },
          },
        });
      }
      case 'MarkNotificationsRead': {
        const ids = input.ids as string[] | undefined;
        for (const n of this.notifications) if (!n.readAt && (!ids || ids.includes(n.id))) n.readAt = new Date().toISOString();
        return json({ data: { markNotificationsRead: { unreadCount: this.notifications.filter((n) => !n.readAt).length, userErrors: [] } } });
      }
    }
    return null;
  }
}
