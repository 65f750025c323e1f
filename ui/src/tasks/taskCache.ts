// What a task write does to the query cache: every cached list that holds the task gets it as the server returned
// it (Today, the open lists, the done history, the focus page), so a change made on one page shows on the others
// without asking again; then the task reads are marked stale, to be asked again when next shown. A read that was in
// flight during the write is asked again at once, since its answer may predate the write.
import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import type { TaskListQuery } from '../graphql/generated/graphql';
import { queryKeys } from '../graphql/queryKeys';
import type { Step, Task, TodayData } from './api';
import { withTask } from './taskList';
import { insertSorted, sectionFor } from './todayModel';

export type TaskPage = NonNullable<TaskListQuery['tasks']>;

/** Today's lists with `task` as the server now sees it: in its section (in place when it stays), or gone. */
export function todayWith(data: TodayData, task: Task, now: number): TodayData {
  const resting = task.snoozedUntil !== null && Date.parse(task.snoozedUntil) > now;
  const section = task.status !== 'OPEN' || resting ? null : sectionFor(task, data.date);
  const next = { ...data, dueToday: data.dueToday.filter((t) => t.id !== task.id), overdue: data.overdue.filter((t) => t.id !== task.id) };
  if (section === null || section === 'later') return next;
  const index = data[section].findIndex((t) => t.id === task.id);
  if (index >= 0) return { ...next, [section]: data[section].map((t) => (t.id === task.id ? task : t)) };
  return { ...next, [section]: insertSorted(next[section], task) };
}

function withoutDone(data: InfiniteData<TaskPage>, id: string): InfiniteData<TaskPage> {
  if (!data.pages.some((page) => page.edges.some((e) => e.node.id === id))) return data;
  return {
    ...data,
    pages: data.pages.map((page) => ({
      ...page,
      totalCount: Math.max(0, page.totalCount - 1),
      edges: page.edges.filter((e) => e.node.id !== id),
    })),
  };
}

/** Marks every task read stale; those being read right now are asked again, since their answer may predate the write. */
function settle(queryClient: QueryClient, also: ReadonlyArray<readonly unknown[]> = []) {
  void queryClient.refetchQueries({ queryKey: queryKeys.tasks.all, predicate: (q) => q.state.fetchStatus === 'fetching' });
  void queryClient.invalidateQueries({ queryKey: queryKeys.tasks.all, refetchType: 'none' });
  void queryClient.invalidateQueries({ queryKey: queryKeys.insights.all, refetchType: 'none' });
  for (const key of also) void queryClient.invalidateQueries({ queryKey: key, refetchType: 'none' });
}

/** `task` as a write returned it, in every cached read. */
export function taskChanged(queryClient: QueryClient, task: Task, options: { agenda?: boolean } = {}): void {
  queryClient.setQueriesData<Task[]>({ queryKey: queryKeys.tasks.openLists() }, (list) => (list ? withTask(list, task) : list));
  queryClient.setQueriesData<TodayData>({ queryKey: queryKeys.tasks.todays() }, (data) => (data ? todayWith(data, task, Date.now()) : data));
  if (task.status !== 'DONE') {
    queryClient.setQueriesData<InfiniteData<TaskPage>>({ queryKey: queryKeys.tasks.doneLists() }, (data) => (data ? withoutDone(data, task.id) : data));
  }
  queryClient.setQueryData<{ node: unknown }>(queryKeys.tasks.one(task.id), (data) => (data ? { node: task } : data));
  settle(queryClient, options.agenda ? [queryKeys.agenda.all] : []);
}

/** A step as a write returned it (or gone: `removedId`), in its parent wherever the parent is cached. */
export function stepChanged(queryClient: QueryClient, parentId: string, step: Step | null, removedId?: string): void {
  const inParent = (t: Task): Task => {
    if (t.id !== parentId) return t;
    const kept = t.subtasks.filter((s) => s.id !== removedId);
    if (!step) return { ...t, subtasks: kept };
    const index = kept.findIndex((s) => s.id === step.id);
    return { ...t, subtasks: index < 0 ? [...kept, step] : kept.map((s) => (s.id === step.id ? step : s)) };
  };
  queryClient.setQueriesData<Task[]>({ queryKey: queryKeys.tasks.openLists() }, (list) => list?.map(inParent));
  queryClient.setQueriesData<TodayData>({ queryKey: queryKeys.tasks.todays() }, (data) =>
    data ? { ...data, dueToday: data.dueToday.map(inParent), overdue: data.overdue.map(inParent) } : data,
  );
  queryClient.setQueryData<{ node: Task | null }>(queryKeys.tasks.one(parentId), (data) => (data?.node ? { node: inParent(data.node) } : data));
  settle(queryClient);
}

/** The cached task with this id, from whichever read holds it. */
export function cachedTask(queryClient: QueryClient, id: string): Task | undefined {
  for (const [, list] of queryClient.getQueriesData<Task[]>({ queryKey: queryKeys.tasks.openLists() })) {
    const found = list?.find((t) => t.id === id);
    if (found) return found;
  }
  for (const [, data] of queryClient.getQueriesData<TodayData>({ queryKey: queryKeys.tasks.todays() })) {
    const found = data && [...data.dueToday, ...data.overdue].find((t) => t.id === id);
    if (found) return found;
  }
  return undefined;
}
