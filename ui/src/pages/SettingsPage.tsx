import { useRef } from 'react';
import { useSession } from '../auth/SessionContext';
import { AppShell } from '../components/AppShell';
import { PageHeading } from '../components/PageHeading';
import type { User } from '../graphql/operations';
import { useDocumentTitle, useFocusOnNavigation } from '../lib/focus';
import { DataSection } from '../settings/DataSection';
import { PhoneSection } from '../settings/PhoneSection';
import { PreferencesSection } from '../settings/PreferencesSection';
import { ProfileSection } from '../settings/ProfileSection';
import { SecuritySection } from '../settings/SecuritySection';

export function SettingsPage({ user }: { user: User }) {
  const session = useSession();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useDocumentTitle('Settings');
  useFocusOnNavigation(headingRef);

  return (
    <AppShell user={user} current="settings" mainClassName="app-main">
      <PageHeading ref={headingRef}>Settings</PageHeading>
      <p className="lead">Change what you like, whenever you like. Each part saves on its own.</p>
      <ProfileSection />
      <PreferencesSection client={session.client} />
      <SecuritySection client={session.client} user={user} />
      <PhoneSection client={session.client} timeZone={user.timeZone} />
      <DataSection />
    </AppShell>
  );
}
