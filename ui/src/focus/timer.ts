// The focus timer's arithmetic: what the person may choose, and what is left of a round.

export const MIN_MINUTES = 5;
export const MAX_MINUTES = 50;
export const DEFAULT_MINUTES = 25;
export const STEP_MINUTES = 5;

/** A chosen length held to 5–50 minutes (in steps of 5 on the slider; any whole minute otherwise). */
export function clampMinutes(minutes: number): number {
  if (!Number.isFinite(minutes)) return DEFAULT_MINUTES;
  return Math.min(MAX_MINUTES, Math.max(MIN_MINUTES, Math.round(minutes)));
}

/** Whole seconds left until `endsAt` (ms since the epoch) at `now`; never below 0. */
export function secondsLeft(endsAt: number, now: number): number {
  return Math.max(0, Math.ceil((endsAt - now) / 1000));
}

/** 1500 → "25:00", 59 → "0:59". */
export function clockFace(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}
