// Test helper: the whole app, rendered at a path against a fake server, with its session started.
import { act, render } from '@testing-library/react';
import { StrictMode } from 'react';
import { BrowserRouter } from 'react-router';
import { App } from '../App';
import { Session } from '../auth/session';
import { SessionProvider } from '../auth/SessionContext';
import { GraphQLClient } from '../graphql/client';
import type { FakeAccountsServer } from './fakeGraphQL';

/**
 * Opens `path`, renders the app against `server` and waits until the session has started; returns the session.
 * `strict` renders it in StrictMode, as main.tsx does (effects run twice in development).
 */
export async function renderApp(path: string, server: FakeAccountsServer, options: { strict?: boolean } = {}): Promise<Session> {
  window.history.replaceState(null, '', path);
  const session = new Session({ client: new GraphQLClient({ fetch: server.fetch }) });
  const app = (
    <SessionProvider session={session}>
      <BrowserRouter>
        <App />
      </BrowserRouter>
    </SessionProvider>
  );
  render(options.strict ? <StrictMode>{app}</StrictMode> : app);
  await act(async () => {
    await session.start();
  });
  return session;
}
