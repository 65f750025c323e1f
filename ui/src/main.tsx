import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './App';
import { browserLock, Session } from './auth/session';
import { SessionProvider } from './auth/SessionContext';
import { GraphQLClient } from './graphql/client';
import { clearOnSessionChange, createQueryClient } from './graphql/queryClient';
import { browserLanguage, setLanguage } from './i18n';
import './styles.css';

const client = new GraphQLClient({ endpoint: '/graphql' });

// Tabs tell each other when one signs out, so none keeps showing a closed session.
const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel('pa-session') : null;

const session = new Session({
  client,
  lock: browserLock('pa-refresh-session'),
  onSignedOut: () => channel?.postMessage('signed-out'),
});

const queryClient = createQueryClient();
clearOnSessionChange(session, queryClient);

channel?.addEventListener('message', (event: MessageEvent) => {
  if (event.data === 'signed-out' && session.getState().status === 'signedIn') session.signOutLocally(false);
});

// A laptop that slept through the refresh timer: refresh as soon as the page is looked at again.
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') session.refreshIfDue();
});

// The browser's language until the profile's is known; its strings load while the session is restored.
void setLanguage(browserLanguage());
void session.start();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SessionProvider session={session}>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <App />
        </BrowserRouter>
      </QueryClientProvider>
    </SessionProvider>
  </StrictMode>,
);
