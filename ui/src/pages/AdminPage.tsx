import { useRef, useState } from 'react';
import { useSession } from '../auth/SessionContext';
import { AuditLogSection } from '../admin/AuditLogSection';
import type { AuditFilters } from '../admin/auditFilters';
import { PeopleSection } from '../admin/PeopleSection';
import { SchedulerSection } from '../admin/SchedulerSection';
import { SmsAnalyticsSection } from '../admin/SmsAnalyticsSection';
import { AppShell } from '../components/AppShell';
import { PageHeading } from '../components/PageHeading';
import type { User } from '../graphql/operations';
import { useTranslation } from '../i18n';
import { useDocumentTitle, useFocusOnNavigation } from '../lib/focus';

export function AdminPage({ user }: { user: User }) {
  const { t } = useTranslation();
  const session = useSession();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [auditPerson, setAuditPerson] = useState<AuditFilters['person']>(null);
  useDocumentTitle(t('shell.pages.admin'));
  useFocusOnNavigation(headingRef);

  return (
    <AppShell user={user} current="admin" mainClassName="app-main" wide>
      <PageHeading ref={headingRef}>{t('shell.pages.admin')}</PageHeading>
      <p className="lead">{t('admin.lead')}</p>
      <PeopleSection
        client={session.client}
        timeZone={user.timeZone}
        onShowAudit={(person) => {
          setAuditPerson({ id: person.id, label: person.displayName || person.email });
          document.getElementById('audit-log-heading')?.focus();
        }}
      />
      <AuditLogSection client={session.client} timeZone={user.timeZone} person={auditPerson} />
      <SmsAnalyticsSection client={session.client} />
      <SchedulerSection client={session.client} timeZone={user.timeZone} />
    </AppShell>
  );
}
