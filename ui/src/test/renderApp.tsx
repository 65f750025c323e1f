// Test helper: the whole app, rendered at a path against a fake server, with its session started.
import { act, render } from '@testing-library/react';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { BrowserRouter } from 'react-router';
import { App } from '../App';
import { Session } from '../auth/session';
import { SessionProvider } from '../auth/SessionContext';
import { GraphQLClient } from '../graphql/client';
import { clearOnSessionChange, createQueryClient } from '../graphql/queryClient';
import type { FakeAccountsServer } from './fakeGraphQL';

/** A fresh query cache for one test: nothing carried over from another test, and no retry delaying a failure. */
export function testQueryClient(): QueryClient {
  return createQueryClient({ retry: false });
}

/**
 * Opens `path`, renders the app against `server` with a fresh query cache and waits until the session has started;
 * returns the session. `strict` renders it in StrictMode, as main.tsx does (effects run twice in development).
 */
export async function renderApp(
  path: string,
  server: FakeAccountsServer,
  options: { strict?: boolean; queryClient?: QueryClient } = {},
): Promise<Session> {
  window.history.replaceState(null, '', path);
  const session = new Session({ client: new GraphQLClient({ fetch: server.fetch }) });
  const queryClient = options.queryClient ?? testQueryClient();
  clearOnSessionChange(session, queryClient);
  const app = (
    <SessionProvider session={session}>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <App />
        </BrowserRouter>
      </QueryClientProvider>
    </SessionProvider>
  );
  render(options.strict ? <StrictMode>{app}</StrictMode> : app);
  await act(async () => {
    await session.start();
  });
  return session;
}
