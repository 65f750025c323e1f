import { useCallback, useEffect, useRef, useState } from 'react';
import type { GraphQLClient, GraphQLErrorItem, GraphQLFailure, Operation } from '../graphql/client';
import { i18n } from '../i18n';
import { genericMessage, offlineMessage } from './formErrors';

export type QueryFailure = 'network' | 'error' | 'forbidden';

export type QueryState<T> =
  | { status: 'loading' }
  | { status: 'ready'; data: T }
  | { status: 'failed'; failure: QueryFailure };

/** The directive layer refuses a query field to a role without the permission with this code. */
function isForbidden(errors: GraphQLErrorItem[]): boolean {
  return errors.some((e) => e.extensions?.code === 'FORBIDDEN');
}

/** Why a query gave nothing to show: refused to this role, offline, or anything else. */
export function queryFailureOf(result: GraphQLFailure): QueryFailure {
  if (result.kind === 'graphql' && isForbidden(result.errors)) return 'forbidden';
  return result.kind === 'network' ? 'network' : 'error';
}

export function queryFailureMessage(failure: QueryFailure): string {
  if (failure === 'network') return offlineMessage();
  if (failure === 'forbidden') return i18n.t('errors.forbidden');
  return genericMessage();
}

/**
 * Runs a query when mounted and whenever its variables change; only the latest request's answer is kept. `reload`
 * asks again, keeping what is shown until the answer comes; `replace` puts in data a mutation returned.
 */
export function useQuery<T, V>(client: GraphQLClient, operation: Operation<T, V>, variables: V) {
  const [state, setState] = useState<QueryState<T>>({ status: 'loading' });
  const seq = useRef(0);
  const key = JSON.stringify(variables);

  const load = useCallback(async () => {
    const mine = ++seq.current;
    const result = await client.request(operation, JSON.parse(key) as V);
    if (mine !== seq.current) return;
    if (result.kind === 'ok') {
      setState({ status: 'ready', data: result.data });
      return;
    }
    const failure = queryFailureOf(result);
    // A failed reload keeps what is shown, unless the answer is that it may not be shown.
    setState((current) => (current.status === 'ready' && failure !== 'forbidden' ? current : { status: 'failed', failure }));
  }, [client, operation, key]);

  useEffect(() => {
    void load();
  }, [load]);

  const reload = useCallback(() => {
    setState((current) => (current.status === 'failed' ? { status: 'loading' } : current));
    return load();
  }, [load]);

  const replace = useCallback((update: (data: T) => T) => {
    setState((current) => (current.status === 'ready' ? { status: 'ready', data: update(current.data) } : current));
  }, []);

  return { state, reload, replace };
}
