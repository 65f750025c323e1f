import { vi } from 'vitest';

/**
 * Fixes the clock the code under test reads (`Date`, `Date.now()`) at `instant`, leaving timers real so debounces
 * and waits behave as in a browser. Tests that name a day ("today is 2026-11-25") call this so they pass on any day.
 */
export function pinClock(instant: string): void {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(instant));
}

/** Gives the real clock back; call it after a test that pinned it. */
export function releaseClock(): void {
  vi.useRealTimers();
}
