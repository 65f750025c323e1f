import { useRef, type ReactNode } from 'react';
import { useDocumentTitle, useFocusOnNavigation } from '../lib/focus';
import { CenteredPage } from './Notice';
import { PageHeading } from './PageHeading';

/**
 * A page that says one thing and offers what to do next (a link sent, a password changed, a link that no longer
 * works). The heading takes focus on arrival; `live` makes the message a polite announcement too, for pages that
 * replace a form in place.
 */
export function MessagePage({
  title,
  children,
  actions,
  live = false,
}: {
  title: string;
  children: ReactNode;
  actions?: ReactNode;
  live?: boolean;
}) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useDocumentTitle(title);
  useFocusOnNavigation(headingRef);
  return (
    <CenteredPage>
      <PageHeading ref={headingRef}>{title}</PageHeading>
      <div className="message" role={live ? 'status' : undefined}>
        {children}
      </div>
      {actions ? <div className="message__actions">{actions}</div> : null}
    </CenteredPage>
  );
}
