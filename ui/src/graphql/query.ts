// The query cache (TanStack Query) on top of GraphQLClient: a query function turns a non-ok GraphQLResult into a
// thrown GraphQLRequestError, so the cache keeps the last good data and knows what failed; pages read it back as the
// calm `QueryState` they show (loading, ready, or one failure message).
import { useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useCallback } from 'react';
import { i18n } from '../i18n';
import { genericMessage, offlineMessage } from '../lib/formErrors';
import type { GraphQLClient, GraphQLErrorItem, GraphQLFailure, Operation } from './client';

/** A request that did not end as `ok`, as a query function throws it. */
export class GraphQLRequestError extends Error {
  constructor(readonly failure: GraphQLFailure) {
    super(`GraphQL request failed: ${failure.kind}`);
    this.name = 'GraphQLRequestError';
  }
}

/** The data of `operation`, or a thrown {@link GraphQLRequestError}. */
export async function requestData<TData, TVariables>(
  client: GraphQLClient,
  operation: Operation<TData, TVariables>,
  variables: TVariables,
): Promise<TData> {
  const result = await client.request(operation, variables);
  if (result.kind !== 'ok') throw new GraphQLRequestError(result);
  return result.data;
}

/**
 * A field the query needs that came back null: a failure like any other, or (`missing: 'forbidden'`) the answer for
 * someone without the permission, for fields that are null only then.
 */
export function present<T>(value: T | null | undefined, missing: 'error' | 'forbidden' = 'error'): T {
  if (value !== null && value !== undefined) return value;
  const errors = missing === 'forbidden' ? [{ message: 'Not allowed', extensions: { code: 'FORBIDDEN' } }] : [];
  throw new GraphQLRequestError({ kind: 'graphql', errors, status: 200 });
}

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

/** The failure behind anything a query function threw. */
export function failureOfError(error: unknown): QueryFailure {
  return error instanceof GraphQLRequestError ? queryFailureOf(error.failure) : 'error';
}

export function queryFailureMessage(failure: QueryFailure): string {
  if (failure === 'network') return offlineMessage();
  if (failure === 'forbidden') return i18n.t('errors.forbidden');
  return genericMessage();
}

/** Only a request that got no answer is worth asking again on its own; the query cache retries it twice. */
export function retryNetworkFailures(failureCount: number, error: unknown): boolean {
  return failureCount < 2 && error instanceof GraphQLRequestError && error.failure.kind === 'network';
}

/** What a page shows of a cached query: a failed refresh keeps what is shown, unless it may not be shown any more. */
export function stateOf<T>(query: { data: T | undefined; error: unknown; isFetching: boolean; status: 'pending' | 'error' | 'success' }): QueryState<T> {
  const failure = query.status === 'error' ? failureOfError(query.error) : null;
  if (query.data !== undefined && failure !== 'forbidden') return { status: 'ready', data: query.data };
  if (failure && !query.isFetching) return { status: 'failed', failure };
  return { status: 'loading' };
}

/**
 * One GraphQL query through the cache, under `queryKey` (see queryKeys.ts). `reload` asks again, keeping what is
 * shown until the answer comes; `replace` puts in the cache what a mutation returned.
 */
export function useGraphQLQuery<TData, TVariables>(
  client: GraphQLClient,
  queryKey: QueryKey,
  operation: Operation<TData, TVariables>,
  variables: TVariables,
  options: { enabled?: boolean } = {},
) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey,
    queryFn: () => requestData(client, operation, variables),
    enabled: options.enabled,
  });
  const { refetch } = query;
  const reload = useCallback(() => refetch().then(() => undefined), [refetch]);
  const keyText = JSON.stringify(queryKey);
  const replace = useCallback(
    (update: (data: TData) => TData) =>
      queryClient.setQueryData<TData>(JSON.parse(keyText) as QueryKey, (current) => (current === undefined ? current : update(current))),
    [queryClient, keyText],
  );
  return { state: stateOf(query), reload, replace };
}
