import { describe, expect, it } from 'vitest';
import { dayKey, formatLongDate, greeting, hourIn } from './dates';

// 2026-11-25T22:30Z is 23:30 in Paris, 07:30 on the 26th in Tokyo, 14:30 in Los Angeles.
const instant = new Date('2026-11-25T22:30:00Z');

describe('dates in the person’s time zone', () => {
  it('finds the hour in a zone', () => {
    expect(hourIn(instant, 'Europe/Paris')).toBe(23);
    expect(hourIn(instant, 'Asia/Tokyo')).toBe(7);
    expect(hourIn(instant, 'America/Los_Angeles')).toBe(14);
  });

  it('greets according to the local hour', () => {
    expect(greeting(instant, 'Asia/Tokyo')).toBe('Good morning');
    expect(greeting(instant, 'America/Los_Angeles')).toBe('Good afternoon');
    expect(greeting(new Date('2026-11-25T19:00:00Z'), 'Europe/Paris')).toBe('Good evening');
    expect(greeting(instant, 'Europe/Paris')).toBe('Hello');
  });

  it('shows today’s date in the zone, not the browser’s', () => {
    expect(formatLongDate(instant, 'Asia/Tokyo', 'en-US')).toBe('Thursday, November 26');
    expect(formatLongDate(instant, 'America/Los_Angeles', 'en-US')).toBe('Wednesday, November 25');
    expect(dayKey(instant, 'Asia/Tokyo')).toBe('2026-11-26');
    expect(dayKey(instant, 'Europe/Paris')).toBe('2026-11-25');
  });

  it('falls back to the browser zone for an unknown zone instead of crashing', () => {
    expect(() => formatLongDate(instant, 'Mars/Olympus', 'en-US')).not.toThrow();
    expect(() => greeting(instant, 'Mars/Olympus')).not.toThrow();
  });
});
