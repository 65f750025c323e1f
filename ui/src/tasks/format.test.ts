import { describe, expect, it } from 'vitest';
import {
  addDays,
  dayOf,
  dayWords,
  daysBetween,
  dueWords,
  priorityWords,
  reminderWords,
  repeatWords,
  timeOfDay,
  zonedInstant,
} from './format';

describe('calendar days', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-11-25', 1)).toBe('2026-11-26');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-11-25', '2026-11-22')).toBe(-3);
    expect(daysBetween('2026-11-25', '2027-01-01')).toBe(37);
  });
});

describe('dayWords', () => {
  const today = '2026-11-25'; // a Wednesday

  it('uses the everyday words near today', () => {
    expect(dayWords('2026-11-25', today, 'en-US')).toBe('today');
    expect(dayWords('2026-11-26', today, 'en-US')).toBe('tomorrow');
    expect(dayWords('2026-11-24', today, 'en-US')).toBe('yesterday');
  });

  it('names the weekday for the rest of the coming week, and the date after that', () => {
    expect(dayWords('2026-11-27', today, 'en-US')).toBe('Friday');
    expect(dayWords('2026-12-01', today, 'en-US')).toBe('Tuesday');
    expect(dayWords('2026-12-02', today, 'en-US')).toBe('Wed, Dec 2');
  });

  it('never uses a bare weekday for a past day, and shows the year only when it differs', () => {
    expect(dayWords('2026-11-22', today, 'en-US')).toBe('Sun, Nov 22');
    expect(dayWords('2027-01-04', today, 'en-US')).toBe('Mon, Jan 4, 2027');
  });
});

describe('dueWords in the person’s time zone', () => {
  // 2026-11-26T01:00Z is Nov 25, 5 PM in Los Angeles and Nov 26, 10 AM in Tokyo.
  const dueAt = '2026-11-26T01:00:00Z';

  it('says "today 5:00 PM" in Los Angeles and "tomorrow 10:00 AM" in Tokyo for the same instant', () => {
    expect(dueWords({ dueDate: null, dueAt }, '2026-11-25', 'America/Los_Angeles', { locale: 'en-US' })).toBe(
      'today 5:00 PM',
    );
    expect(dueWords({ dueDate: null, dueAt }, '2026-11-25', 'Asia/Tokyo', { locale: 'en-US' })).toBe(
      'tomorrow 10:00 AM',
    );
  });

  it('trusts the server’s local day when it is given', () => {
    expect(dueWords({ dueDate: '2026-11-26', dueAt: '2026-11-27T01:00:00Z' }, '2026-11-25', 'America/Los_Angeles', { locale: 'en-US' })).toBe(
      'tomorrow 5:00 PM',
    );
  });

  it('reads an all-day due as its day alone', () => {
    expect(dueWords({ dueDate: '2026-11-25', dueAt: null, allDay: true }, '2026-11-25', 'Europe/Paris')).toBe('today');
    expect(dueWords({ dueDate: '2026-11-27', dueAt: null, allDay: true }, '2026-11-25', 'Europe/Paris', { locale: 'en-US' })).toBe(
      'Friday',
    );
  });

  it('leaves out "today" where the section already says it', () => {
    expect(dueWords({ dueDate: '2026-11-25', dueAt: null }, '2026-11-25', 'UTC', { omitToday: true })).toBeNull();
    expect(
      dueWords({ dueDate: '2026-11-25', dueAt: '2026-11-25T17:30:00Z' }, '2026-11-25', 'UTC', { omitToday: true, locale: 'en-US' }),
    ).toBe('5:30 PM');
    expect(
      dueWords({ dueDate: '2026-11-26', dueAt: '2026-11-26T17:30:00Z' }, '2026-11-25', 'UTC', { omitToday: true, locale: 'en-US' }),
    ).toBe('tomorrow 5:30 PM');
  });

  it('is null without a due', () => {
    expect(dueWords({ dueDate: null, dueAt: null }, '2026-11-25', 'UTC')).toBeNull();
  });

  it('formats times with the locale’s clock', () => {
    expect(timeOfDay('2026-11-25T17:05:00Z', 'Europe/Paris', 'en-GB')).toBe('18:05');
    expect(timeOfDay('2026-11-25T17:05:00Z', 'Europe/Paris', 'en-US')).toBe('6:05 PM');
    expect(dayOf('2026-11-25T23:30:00Z', 'Asia/Tokyo')).toBe('2026-11-26');
  });

  it('says when a reminder goes off', () => {
    expect(reminderWords('2026-11-26T16:45:00Z', '2026-11-25', 'UTC', 'en-US')).toBe('tomorrow 4:45 PM');
  });
});

describe('priorityWords', () => {
  it('names the priority calmly', () => {
    expect(priorityWords('HIGH')).toBe('High priority');
    expect(priorityWords('URGENT')).toBe('Urgent');
    expect(priorityWords(null)).toBeNull();
  });
});

describe('repeatWords', () => {
  it('reads the rules the capture grammar writes', () => {
    expect(repeatWords('FREQ=DAILY')).toBe('every day');
    expect(repeatWords('FREQ=DAILY;INTERVAL=2')).toBe('every other day');
    expect(repeatWords('FREQ=DAILY;INTERVAL=3')).toBe('every 3 days');
    expect(repeatWords('FREQ=WEEKLY')).toBe('every week');
    expect(repeatWords('FREQ=WEEKLY;BYDAY=MO')).toBe('every Monday');
    expect(repeatWords('FREQ=WEEKLY;BYDAY=TU,TH')).toBe('every Tuesday and Thursday');
    expect(repeatWords('FREQ=WEEKLY;BYDAY=MO,WE,FR')).toBe('every Monday, Wednesday, and Friday');
    expect(repeatWords('FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR')).toBe('every weekday');
    expect(repeatWords('FREQ=WEEKLY;INTERVAL=2;BYDAY=FR')).toBe('every other Friday');
    expect(repeatWords('FREQ=WEEKLY;INTERVAL=3;BYDAY=FR')).toBe('every 3 weeks on Friday');
    expect(repeatWords('FREQ=MONTHLY')).toBe('every month');
    expect(repeatWords('FREQ=MONTHLY;BYMONTHDAY=15')).toBe('every month on the 15th');
    expect(repeatWords('FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=1')).toBe('every 3 months on the 1st');
    expect(repeatWords('FREQ=MONTHLY;BYMONTHDAY=22')).toBe('every month on the 22nd');
    expect(repeatWords('FREQ=MONTHLY;BYMONTHDAY=13')).toBe('every month on the 13th');
    expect(repeatWords('FREQ=MONTHLY;BYDAY=1MO')).toBe('every first Monday of the month');
    expect(repeatWords('FREQ=MONTHLY;BYDAY=-1FR')).toBe('every last Friday of the month');
    expect(repeatWords('FREQ=YEARLY')).toBe('every year');
    expect(repeatWords('FREQ=YEARLY;BYMONTHDAY=2;BYMONTH=6')).toBe('every year on June 2');
    expect(repeatWords('RRULE:FREQ=DAILY')).toBe('every day');
  });

  it('keeps the raw rule for anything it cannot say simply', () => {
    expect(repeatWords('FREQ=DAILY;COUNT=5')).toBe('FREQ=DAILY;COUNT=5');
    expect(repeatWords('FREQ=HOURLY')).toBe('FREQ=HOURLY');
    expect(repeatWords('FREQ=MONTHLY;BYDAY=MO,TU')).toBe('FREQ=MONTHLY;BYDAY=MO,TU');
    expect(repeatWords('FREQ=WEEKLY;BYDAY=XX')).toBe('FREQ=WEEKLY;BYDAY=XX');
    expect(repeatWords('FREQ=YEARLY;BYMONTH=13;BYMONTHDAY=1')).toBe('FREQ=YEARLY;BYMONTH=13;BYMONTHDAY=1');
    expect(repeatWords('nonsense')).toBe('nonsense');
    expect(repeatWords(null)).toBeNull();
  });
});

describe('zonedInstant', () => {
  it('finds the instant of a wall-clock time in a zone', () => {
    expect(zonedInstant('2026-11-26', 9, 0, 'America/Los_Angeles')).toBe('2026-11-26T17:00:00.000Z');
    expect(zonedInstant('2026-07-01', 9, 0, 'Europe/Paris')).toBe('2026-07-01T07:00:00.000Z');
    expect(zonedInstant('2026-11-26', 9, 0, 'Asia/Kolkata')).toBe('2026-11-26T03:30:00.000Z');
    expect(zonedInstant('2026-11-26', 9, 0, 'UTC')).toBe('2026-11-26T09:00:00.000Z');
  });

  it('moves a time skipped by the spring-forward change one gap later', () => {
    // Paris skips 02:00-03:00 on 2026-03-29: 02:30 becomes 03:30 CEST = 01:30Z.
    expect(zonedInstant('2026-03-29', 2, 30, 'Europe/Paris')).toBe('2026-03-29T01:30:00.000Z');
  });
});
