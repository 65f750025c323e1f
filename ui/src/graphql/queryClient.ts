// The one query cache of the app: how fresh its reads stay, when they are asked again, and that it never outlives the
// session it was filled for.
import { QueryClient } from '@tanstack/react-query';
import type { Session } from '../auth/session';
import { retryNetworkFailures } from './query';

/** Reads stay fresh this long: going back to a page within it shows the cache without asking again. */
export const STALE_MS = 30_000;

export function createQueryClient(options: { retry?: boolean } = {}): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: STALE_MS,
        // Only a request that got no answer is retried; an error answer would only repeat.
        retry: options.retry === false ? false : retryNetworkFailures,
        refetchOnWindowFocus: true,
      },
      mutations: { retry: false },
    },
  });
}

/** Empties the cache when the person signs out or another person signs in, so no one sees the last one's data. */
export function clearOnSessionChange(session: Session, queryClient: QueryClient): () => void {
  let userId: string | null = null;
  return session.subscribe((state) => {
    const next = state.status === 'signedIn' ? state.user.id : null;
    if (state.status === 'restoring') return;
    if (next !== userId) {
      if (userId !== null) queryClient.clear();
      userId = next;
    }
  });
}
