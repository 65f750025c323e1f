import { useRef } from 'react';
import { useSession } from '../auth/SessionContext';
import { CenteredPage } from '../components/Notice';
import { PageHeading } from '../components/PageHeading';
import { useDocumentTitle, useFocusOnNavigation } from '../lib/focus';
import { linkProps } from '../lib/router';

export function RestoringPage() {
  useDocumentTitle('');
  return (
    <div className="page page--centered" aria-busy="true">
      <main className="restoring" id="main">
        <span className="restoring__dot" aria-hidden="true" />
        <p role="status">Getting your day ready…</p>
      </main>
    </div>
  );
}

export function UnreachablePage() {
  const session = useSession();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useDocumentTitle('Can’t connect');
  useFocusOnNavigation(headingRef);
  return (
    <CenteredPage>
      <PageHeading ref={headingRef}>We can’t reach your assistant</PageHeading>
      <p className="lead" role="alert">
        It may be your connection, or the server may be restarting. Nothing is lost — try again in a moment.
      </p>
      <button className="button button--primary button--block" type="button" onClick={() => void session.start()}>
        Try again
      </button>
    </CenteredPage>
  );
}

export function NotFoundPage({ homePath, homeLabel }: { homePath: string; homeLabel: string }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useDocumentTitle('Page not found');
  useFocusOnNavigation(headingRef);
  return (
    <CenteredPage>
      <PageHeading ref={headingRef}>This page doesn’t exist</PageHeading>
      <p className="lead">No worries — it happens. Let’s get you back.</p>
      <a className="button button--primary button--block" {...linkProps(homePath)}>
        {homeLabel}
      </a>
    </CenteredPage>
  );
}
