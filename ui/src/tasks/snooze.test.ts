import { describe, expect, it } from 'vitest';
import { pickedInstant, snoozeChoices, snoozeInput } from './snooze';

describe('snooze choices', () => {
  it('offers "this evening" only until late afternoon in the person’s zone', () => {
    expect(snoozeChoices(new Date('2026-11-25T15:00:00Z'), 'Europe/London')).toEqual(['hour', 'evening', 'morning', 'nextWeek']);
    expect(snoozeChoices(new Date('2026-11-25T17:30:00Z'), 'Europe/London')).toEqual(['hour', 'morning', 'nextWeek']);
  });

  it('ends each choice at the right wall-clock time', () => {
    // 2026-11-25 is a Wednesday; Paris is UTC+1 in November.
    expect(snoozeInput('hour', '2026-11-25', 'Europe/Paris')).toEqual({ minutes: 60 });
    expect(snoozeInput('evening', '2026-11-25', 'Europe/Paris')).toEqual({ until: '2026-11-25T17:00:00.000Z' });
    expect(snoozeInput('morning', '2026-11-25', 'Europe/Paris')).toEqual({ until: '2026-11-26T08:00:00.000Z' });
    expect(snoozeInput('nextWeek', '2026-11-25', 'Europe/Paris')).toEqual({ until: '2026-11-30T08:00:00.000Z' });
    // On a Monday, next week is the Monday after.
    expect(snoozeInput('nextWeek', '2026-11-30', 'Europe/Paris')).toEqual({ until: '2026-12-07T08:00:00.000Z' });
    expect(snoozeInput('nextWeek', '2026-11-29', 'Europe/Paris')).toEqual({ until: '2026-11-30T08:00:00.000Z' });
  });

  it('reads a picked local time in the person’s zone', () => {
    expect(pickedInstant('2026-11-27T14:30', 'America/New_York')).toBe('2026-11-27T19:30:00.000Z');
    expect(pickedInstant('', 'UTC')).toBeNull();
  });
});
