// Every key of the query cache, by feature. A key starts with its feature, so a write invalidates a whole feature
// (`queryKeys.tasks.all`) or one read of it. Variables that change the answer are part of the key.

import type { AuditLogQueryVariables, Priority, Role } from './generated/graphql';

/** The task filter as the server takes it (see tasks/taskQueries.ts `filterInput`). */
export interface TaskFilterKey {
  tag: string | null;
  priority: Priority | null;
  text: string | null;
}

export const queryKeys = {
  /** Every read: a new time zone or language changes them all. */
  everything: [] as const,
  tasks: {
    all: ['tasks'] as const,
    /** Today's lists, whatever the day. */
    todays: () => ['tasks', 'today'] as const,
    /** Today's lists for the person's day (a new day is a new read). */
    today: (day: string) => ['tasks', 'today', day] as const,
    /** Every open task matching a filter (all pages). */
    openLists: () => ['tasks', 'open'] as const,
    open: (filter: TaskFilterKey) => ['tasks', 'open', filter] as const,
    /** The done history matching a filter, a page at a time. */
    doneLists: () => ['tasks', 'done'] as const,
    done: (filter: TaskFilterKey) => ['tasks', 'done', filter] as const,
    /** One task by its id (the focus page). */
    one: (id: string) => ['tasks', 'one', id] as const,
  },
  capture: {
    /** How the server reads a line ("tomorrow" depends on the day). */
    preview: (text: string, today: string) => ['capture', 'preview', today, text] as const,
  },
  agenda: {
    all: ['agenda'] as const,
    range: (from: string, to: string) => ['agenda', from, to] as const,
  },
  insights: {
    all: ['insights'] as const,
  },
  notifications: {
    latest: (first: number) => ['notifications', 'latest', first] as const,
  },
  integrations: {
    all: ['integrations'] as const,
  },
  settings: {
    profile: () => ['settings', 'profile'] as const,
    preferences: () => ['settings', 'preferences'] as const,
    email: () => ['settings', 'email'] as const,
    mfa: () => ['settings', 'mfa'] as const,
    sessionLists: () => ['settings', 'sessions'] as const,
    sessions: (first: number) => ['settings', 'sessions', first] as const,
    identities: () => ['settings', 'identities'] as const,
    phone: () => ['settings', 'phone'] as const,
    icalFeed: () => ['settings', 'icalFeed'] as const,
    scheduling: () => ['settings', 'scheduling'] as const,
  },
  signIn: {
    providers: () => ['signIn', 'providers'] as const,
  },
  admin: {
    users: (search: { search: string | null; role: Role | null }) => ['admin', 'users', search] as const,
    auditActions: () => ['admin', 'auditActions'] as const,
    /** The audit log for some filters (the variables of its first page). */
    auditLog: (filters: AuditLogQueryVariables) => ['admin', 'auditLog', filters] as const,
    smsAnalytics: (days: number) => ['admin', 'smsAnalytics', days] as const,
    scheduler: () => ['admin', 'scheduler'] as const,
  },
};
