import { useEffect, useRef, useState } from 'react';
import { useSession } from '../auth/SessionContext';
import { Brand, FormAlert } from '../components/Notice';
import { PageHeading } from '../components/PageHeading';
import type { User } from '../graphql/types';
import { dayKey, formatLongDate, greeting } from '../lib/dates';
import { useDocumentTitle, useFocusOnNavigation } from '../lib/focus';
import { GENERIC_MESSAGE } from '../lib/formErrors';
import { navigate, PATHS } from '../lib/router';

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
      navigate(PATHS.signin, { replace: true });
      return;
    }
    setSigningOut(false);
    setNotice(outcome.kind === 'network' ? SIGN_OUT_NETWORK_MESSAGE : GENERIC_MESSAGE);
  };

  const today = formatLongDate(now, user.timeZone);
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
          <time dateTime={dayKey(now, user.timeZone)}>{today}</time>
        </p>
        <PageHeading ref={headingRef} className="today__greeting">
          {greeting(now, user.timeZone)}, <span className="today__name">{user.displayName}</span>
        </PageHeading>

        {/* The day's tasks go here (later issues). Until then: a calm, encouraging empty state. */}
        <section className="today__tasks" aria-labelledby="today-tasks-heading" data-slot="today-tasks">
          <h2 id="today-tasks-heading" className="visually-hidden">
            Your day
          </h2>
          <div className="empty-state">
            <svg className="empty-state__art" viewBox="0 0 64 64" aria-hidden="true" focusable="false">
              <circle cx="32" cy="32" r="28" className="empty-state__halo" />
              <path d="M20 36c4 6 20 6 24 0" className="empty-state__line" />
              <circle cx="24" cy="27" r="2.5" className="empty-state__dot" />
              <circle cx="40" cy="27" r="2.5" className="empty-state__dot" />
            </svg>
            <p className="empty-state__title">Nothing captured yet</p>
            <p className="empty-state__text">
              Your mind is allowed to be quiet. When something comes up, it will land here — one thing at a time.
            </p>
          </div>
        </section>
      </main>
    </div>
  );
}
