import { useRef } from 'react';
import { useSession } from '../auth/SessionContext';
import { SchedulerSection } from '../admin/SchedulerSection';
import { AppShell } from '../components/AppShell';
import { PageHeading } from '../components/PageHeading';
import type { User } from '../graphql/types';
import { useDocumentTitle, useFocusOnNavigation } from '../lib/focus';

export function AdminPage({ user }: { user: User }) {
  const session = useSession();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useDocumentTitle('Admin');
  useFocusOnNavigation(headingRef);

  return (
    <AppShell user={user} current="admin" mainClassName="app-main">
      <PageHeading ref={headingRef}>Admin</PageHeading>
      <p className="lead">People, the security log and background work of this assistant.</p>
      <SchedulerSection client={session.client} timeZone={user.timeZone} />
    </AppShell>
  );
}
