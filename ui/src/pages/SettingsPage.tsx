import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useSession } from '../auth/SessionContext';
import { AppShell } from '../components/AppShell';
import { PageHeading } from '../components/PageHeading';
import type { User } from '../graphql/operations';
import { useTranslation } from '../i18n';
import { useDocumentTitle, useFocusOnNavigation } from '../lib/focus';
import { PATHS } from '../lib/router';
import { CalendarSection } from '../settings/CalendarSection';
import { DataSection } from '../settings/DataSection';
import { PhoneSection } from '../settings/PhoneSection';
import { PreferencesSection } from '../settings/PreferencesSection';
import { ProfileSection } from '../settings/ProfileSection';
import { SchedulingSection } from '../settings/SchedulingSection';
import { SecuritySection } from '../settings/SecuritySection';

/** The sections in page order, by the id of their card and the key of their title. */
const SECTIONS = [
  { id: 'profile', title: 'profile.title' },
  { id: 'preferences', title: 'preferences.title' },
  { id: 'security', title: 'security.title' },
  { id: 'phone', title: 'phone.title' },
  { id: 'calendar', title: 'calendar.title' },
  { id: 'scheduling', title: 'scheduling.title' },
  { id: 'your-data', title: 'data.title' },
] as const;

/** The section in view, for the navigation's aria-current (the topmost one crossing the upper part of the screen). */
function useSectionInView(): string {
  const [current, setCurrent] = useState<string>(SECTIONS[0].id);
  useEffect(() => {
    if (typeof IntersectionObserver !== 'function') return;
    const visible = new Set<string>();
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (entry.isIntersecting) visible.add(entry.target.id);
          else visible.delete(entry.target.id);
        }
        const first = SECTIONS.find((s) => visible.has(s.id));
        if (first) setCurrent(first.id);
      },
      { rootMargin: '0px 0px -60% 0px' },
    );
    for (const { id } of SECTIONS) {
      const element = document.getElementById(id);
      if (element) observer.observe(element);
    }
    return () => observer.disconnect();
  }, []);
  return current;
}

export function SettingsPage({ user }: { user: User }) {
  const { t } = useTranslation();
  const session = useSession();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const current = useSectionInView();
  useDocumentTitle(t('shell.pages.settings'));
  useFocusOnNavigation(headingRef);

  return (
    <AppShell user={user} current="settings" mainClassName="app-main settings-page" wide>
      <PageHeading ref={headingRef}>{t('shell.pages.settings')}</PageHeading>
      <p className="lead">{t('settingsPage.lead')}</p>
      <p>
        <Link to={PATHS.integrations}>{t('settingsPage.integrations')}</Link>
      </p>
      <div className="settings-page__layout">
        <nav className="section-nav" aria-label={t('settingsPage.sections')}>
          <ul className="section-nav__list">
            {SECTIONS.map(({ id, title }) => (
              <li key={id}>
                <a
                  className="section-nav__link"
                  href={`#${id}`}
                  aria-current={current === id ? 'true' : undefined}
                  onClick={(e) => {
                    e.preventDefault();
                    const heading = document.getElementById(`${id}-heading`);
                    heading?.scrollIntoView({ block: 'start' });
                    heading?.focus({ preventScroll: true });
                    window.history.replaceState(window.history.state, '', `#${id}`);
                  }}
                >
                  {t(title)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div className="settings-page__sections">
          <ProfileSection />
          <PreferencesSection client={session.client} />
          <SecuritySection client={session.client} user={user} />
          <PhoneSection client={session.client} timeZone={user.timeZone} />
          <CalendarSection client={session.client} timeZone={user.timeZone} />
          <SchedulingSection client={session.client} />
          <DataSection />
        </div>
      </div>
    </AppShell>
  );
}
