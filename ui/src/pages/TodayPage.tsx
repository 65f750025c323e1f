import { useCallback, useEffect, useRef, useState } from 'react';
import { useSession } from '../auth/SessionContext';
import { AppShell } from '../components/AppShell';
import { PageHeading } from '../components/PageHeading';
import type { User } from '../graphql/operations';
import { Trans, useTranslation } from '../i18n';
import { dayKey, formatLongDate, greeting } from '../lib/dates';
import { useDocumentTitle, useFocusOnNavigation } from '../lib/focus';
import { useShortcut } from '../lib/shortcuts';
import { CaptureBar, type CaptureBarHandle } from '../tasks/CaptureBar';
import { draftKeyFor } from '../tasks/draft';
import { TodayAgenda } from '../tasks/TodayAgenda';
import { TodayTasks } from '../tasks/TodayTasks';
import { useToday } from '../tasks/useToday';

/** Re-renders when the minute changes, so the greeting and the date follow the clock (and midnight). */
function useNow(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      const current = new Date();
      setNow(current);
      timer = setTimeout(tick, 60_000 - (current.getTime() % 60_000) + 50);
    };
    timer = setTimeout(tick, 60_000 - (Date.now() % 60_000) + 50);
    return () => clearTimeout(timer);
  }, []);
  return now;
}

export function TodayPage({ user }: { user: User }) {
  const { t } = useTranslation();
  const session = useSession();
  const now = useNow();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const captureRef = useRef<CaptureBarHandle>(null);
  const day = dayKey(now, user.timeZone);
  const today = useToday(session.client, day);
  const focusCapture = useCallback(() => captureRef.current?.focus(), []);
  // Just signed up: welcome them, ask them to confirm their address, and put them where the first task goes.
  const [welcome, setWelcome] = useState(() => {
    const state = session.getState();
    return state.status === 'signedIn' && state.justRegistered === true && !state.user.emailVerified;
  });
  useDocumentTitle(t('today.heading'));
  useFocusOnNavigation(headingRef);
  useShortcut(['n', '/'], focusCapture);

  useEffect(() => {
    if (welcome) captureRef.current?.focus();
    // Picks up profile changes made elsewhere; silent on failure.
    void session.reloadUser();
  }, [session]); // Once, at arrival.

  const todayLong = formatLongDate(now, user.timeZone);
  return (
    <AppShell user={user} current="today" mainClassName="today">
      <p className="today__date">
        <time dateTime={day}>{todayLong}</time>
      </p>
      <PageHeading ref={headingRef} className="today__greeting">
        {greeting(now, user.timeZone)}, <span className="today__name">{user.displayName}</span>
      </PageHeading>

      {welcome ? (
        <div className="notice notice--info today__welcome">
          <p>
            <Trans
              i18nKey="today.welcome"
              values={{ name: user.displayName, email: user.email }}
              components={{ address: <strong className="nowrap-anywhere" /> }}
            />
          </p>
          <button type="button" className="button button--small" onClick={() => setWelcome(false)}>
            {t('today.welcomeDismiss')}
          </button>
        </div>
      ) : null}

      <CaptureBar
        ref={captureRef}
        client={session.client}
        today={day}
        timeZone={user.timeZone}
        draftKey={draftKeyFor(user.id)}
        onCaptured={today.captured}
      />

      <TodayAgenda client={session.client} day={day} timeZone={user.timeZone} />

      <TodayTasks
        model={today.model}
        load={today.load}
        busy={today.busy}
        status={today.status}
        onRetry={() => void today.reload()}
        onComplete={today.complete}
        onToggleStep={today.toggleStep}
        onSnooze={today.snooze}
        onBreakDown={today.breakDown}
        onDismissStatus={today.dismiss}
        focusCapture={focusCapture}
      />
    </AppShell>
  );
}
