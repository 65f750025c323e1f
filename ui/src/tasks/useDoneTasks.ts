import { useCallback, useEffect, useRef, useState } from 'react';
import type { GraphQLClient } from '../graphql/client';
import { TASK_LIST, type Task } from './api';
import type { ListFilter } from './taskList';
import { filterInput } from './useTaskList';
import type { LoadState } from './useTaskRequests';

const PAGE = 25;

/** The done tasks matching the filter, most recently done first, a page at a time ("Show more"). */
export function useDoneTasks(client: GraphQLClient, filter: ListFilter, enabled: boolean) {
  const [tasks, setTasks] = useState<Task[]>([]);
  const [load, setLoad] = useState<LoadState>('loading');
  const [total, setTotal] = useState(0);
  const [next, setNext] = useState<string | null>(null);
  const seq = useRef(0);
  const key = JSON.stringify(filterInput(filter));

  const fetchPage = useCallback(
    async (after: string | null) => {
      const mine = ++seq.current;
      if (after === null) setLoad('loading');
      const result = await client.request(TASK_LIST, { status: 'DONE', filter: JSON.parse(key), first: PAGE, after });
      if (mine !== seq.current) return;
      if (result.kind !== 'ok' || !result.data.tasks) {
        setLoad('failed');
        return;
      }
      const page = result.data.tasks;
      const nodes = page.edges.map((e) => e.node);
      setTasks((current) => (after === null ? nodes : [...current, ...nodes]));
      setTotal(page.totalCount);
      setNext(page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null);
      setLoad('ready');
    },
    [client, key],
  );

  useEffect(() => {
    if (enabled) void fetchPage(null);
  }, [enabled, fetchPage]);

  const more = useCallback(() => (next ? fetchPage(next) : Promise.resolve()), [fetchPage, next]);
  const reload = useCallback(() => fetchPage(null), [fetchPage]);
  /** Takes a task off the history (it was reopened). */
  const forget = useCallback((id: string) => {
    setTasks((current) => current.filter((t) => t.id !== id));
    setTotal((n) => Math.max(0, n - 1));
  }, []);

  return { tasks, load, total, hasMore: next !== null, more, reload, forget };
}
