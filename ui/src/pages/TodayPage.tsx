import { useCallback, useEffect, useRef, useState } from 'react';
import { useSession } from '../auth/SessionContext';
import { Brand, FormAlert } from '../components/Notice';
import { PageHeading } from '../components/PageHeading';
import type { User } from '../graphql/types';
import { dayKey, formatLongDate, greeting } from '../lib/dates';
import { useDocumentTitle, useFocusOnNavigation } from '../lib/focus';
import { GENERIC_MESSAGE } from '../lib/formErrors';
import { navigate, PATHS } from '../lib/router';
import { CaptureBar, type CaptureBarHandle } from '../tasks/CaptureBar';
import { clearAllDrafts, draftKeyFor } from '../tasks/draft';
import { TodayTasks } from '../tasks/TodayTasks';
import { useToday } from '../tasks/useToday';

const SIGN_OUT_NETWORK_MESSAGE =
  'We couldn’t reach your assistant to sign you out. Check your connection and try again.';

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
  const session = useSession();
  const now = useNow();
  const [signingOut, setSigningOut] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const captureRef = useRef<CaptureBarHandle>(null);
  const day = dayKey(now, user.timeZone);
  const today = useToday(session.client, day);
  const focusCapture = useCallback(() => captureRef.current?.focus(), []);
  useDocumentTitle('Today');
  useFocusOnNavigation(headingRef);

  useEffect(() => {
    // Picks up profile changes made elsewhere; silent on failure.
    void session.reloadUser();
  }, [session]);

  const signOut = async () => {
    if (signingOut) return;
    setSigningOut(true);
    setNotice(null);
    const outcome = await session.logout();
    if (outcome.kind === 'success') {
      clearAllDrafts();
      navigate(PATHS.signin, { replace: true });
      return;
    }
    setSigningOut(false);
    setNotice(outcome.kind === 'network' ? SIGN_OUT_NETWORK_MESSAGE : GENERIC_MESSAGE);
  };

  const todayLong = formatLongDate(now, user.timeZone);
  return (
    <div className="page page--app">
      <header className="topbar">
        <Brand />
        <button
          type="button"
          className="button button--quiet"
          onClick={signOut}
          aria-disabled={signingOut || undefined}
        >
          {signingOut ? 'Signing out…' : 'Sign out'}
        </button>
      </header>
      <main className="today" id="main">
        <FormAlert message={notice} />
        <p className="today__date">
          <time dateTime={day}>{todayLong}</time>
        </p>
        <PageHeading ref={headingRef} className="today__greeting">
          {greeting(now, user.timeZone)}, <span className="today__name">{user.displayName}</span>
        </PageHeading>

        <CaptureBar
          ref={captureRef}
          client={session.client}
          today={day}
          timeZone={user.timeZone}
          draftKey={draftKeyFor(user.id)}
          onCaptured={today.captured}
        />

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
      </main>
    </div>
  );
}
