import { useEffect, useState } from 'react';
import { dayKey } from '../lib/dates';

/** The person's day (YYYY-MM-DD in their zone), checked every minute so that lists follow midnight. */
export function useDay(timeZone: string): string {
  const [day, setDay] = useState(() => dayKey(new Date(), timeZone));
  useEffect(() => {
    const timer = setInterval(() => setDay(dayKey(new Date(), timeZone)), 60_000);
    return () => clearInterval(timer);
  }, [timeZone]);
  return day;
}
