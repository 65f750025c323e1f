// Every key of the query cache, by feature. A key starts with its feature, so a write invalidates a whole feature
// (`queryKeys.tasks.all`) or one read of it. Variables that change the answer are part of the key.

/** The task filter as the server takes it (see tasks/useTaskList.ts `filterInput`). */
export interface TaskFilterKey {
  tag: string | null;
  priority: string | null;
  text: string | null;
}

export const queryKeys = {
  tasks: {
    all: ['tasks'] as const,
    today: () => ['tasks', 'today'] as const,
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
    preview: (text: string) => ['capture', 'preview', text] as const,
  },
  agenda: {
    all: ['agenda'] as const,
    range: (from: string, to: string) => ['agenda', from, to] as const,
  },
  scheduling: {
    findTime: (taskId: string) => ['scheduling', 'findTime', taskId] as const,
  },
  insights: {
    all: ['insights'] as const,
  },
  notifications: {
    all: ['notifications'] as const,
    latest: (first: number) => ['notifications', 'latest', first] as const,
  },
  integrations: {
    all: ['integrations'] as const,
  },
  settings: {
    all: ['settings'] as const,
    profile: () => ['settings', 'profile'] as const,
    preferences: () => ['settings', 'preferences'] as const,
    email: () => ['settings', 'email'] as const,
    mfa: () => ['settings', 'mfa'] as const,
    sessions: (first: number) => ['settings', 'sessions', first] as const,
    identities: () => ['settings', 'identities'] as const,
    phone: () => ['settings', 'phone'] as const,
    icalFeed: () => ['settings', 'icalFeed'] as const,
  },
  signIn: {
    providers: () => ['signIn', 'providers'] as const,
  },
  admin: {
    all: ['admin'] as const,
    auditActions: () => ['admin', 'auditActions'] as const,
    smsAnalytics: (days: number) => ['admin', 'smsAnalytics', days] as const,
    scheduler: () => ['admin', 'scheduler'] as const,
  },
};
