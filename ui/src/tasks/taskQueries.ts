// The task reads, through the query cache: Today's lists, every open task matching a filter, and the done history a
// page at a time (Relay paging: "Show more" asks for the page after the last one's cursor).
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { GraphQLClient } from '../graphql/client';
import { present, requestData } from '../graphql/query';
import { queryKeys, type TaskFilterKey } from '../graphql/queryKeys';
import { TASK_LIST, TODAY, type Task } from './api';
import type { TaskPage } from './taskCache';
import type { ListFilter } from './taskList';

/** Open tasks are read 100 at a time (the server's largest page) until all are there; at most this many pages. */
const OPEN_PAGE = 100;
const MAX_PAGES = 50;
/** The done history shows this many more on each "Show more". */
const DONE_PAGE = 25;

/** The filter as the server takes it: only what is set. */
export function filterInput(filter: ListFilter): TaskFilterKey {
  const text = filter.text.trim();
  return { tag: filter.tag || null, priority: filter.priority ?? null, text: text || null };
}

/** Today's lists for the person's `day`. */
export function useTodayQuery(client: GraphQLClient, day: string) {
  return useQuery({
    queryKey: queryKeys.tasks.today(day),
    queryFn: async () => present((await requestData(client, TODAY, {})).today),
  });
}

async function openTasks(client: GraphQLClient, filter: TaskFilterKey): Promise<Task[]> {
  const all: Task[] = [];
  let after: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const tasks: TaskPage = present((await requestData(client, TASK_LIST, { status: 'OPEN', filter, first: OPEN_PAGE, after })).tasks);
    all.push(...tasks.edges.map((e) => e.node));
    if (!tasks.pageInfo.hasNextPage) break;
    after = tasks.pageInfo.endCursor;
  }
  return all;
}

/** Every open task matching the filter (the Tasks and Week pages group them themselves). */
export function useOpenTasksQuery(client: GraphQLClient, filter: ListFilter) {
  const input = filterInput(filter);
  return useQuery({ queryKey: queryKeys.tasks.open(input), queryFn: () => openTasks(client, input) });
}

/** The done tasks matching the filter, most recently done first, a page at a time. */
export function useDoneTasksQuery(client: GraphQLClient, filter: ListFilter, enabled: boolean) {
  const input = filterInput(filter);
  return useInfiniteQuery({
    queryKey: queryKeys.tasks.done(input),
    queryFn: async ({ pageParam }) =>
      present((await requestData(client, TASK_LIST, { status: 'DONE', filter: input, first: DONE_PAGE, after: pageParam })).tasks),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => (last.pageInfo.hasNextPage ? last.pageInfo.endCursor : undefined),
    enabled,
  });
}
