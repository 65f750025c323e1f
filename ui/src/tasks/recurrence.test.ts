import { describe, expect, it } from 'vitest';
import { parseRepeat, toRRule } from './recurrence';

describe('parseRepeat and toRRule', () => {
  it.each([
    'FREQ=DAILY',
    'FREQ=DAILY;INTERVAL=3',
    'FREQ=WEEKLY',
    'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH',
    'FREQ=MONTHLY',
    'FREQ=MONTHLY;BYMONTHDAY=15',
    'FREQ=MONTHLY;BYMONTHDAY=-1',
    'FREQ=MONTHLY;INTERVAL=2;BYDAY=-1FR',
    'FREQ=YEARLY',
    'FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=2',
  ])('writes back %s as it read it', (rule) => {
    expect(toRRule(parseRepeat(rule)!)).toBe(rule);
  });

  it('orders the weekdays and drops INTERVAL=1', () => {
    expect(toRRule(parseRepeat('RRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=FR,MO')!)).toBe('FREQ=WEEKLY;BYDAY=MO,FR');
  });

  it('keeps no shape for what the editor cannot show', () => {
    for (const rule of ['FREQ=DAILY;COUNT=5', 'FREQ=HOURLY', 'FREQ=MONTHLY;BYDAY=MO,TU', 'FREQ=WEEKLY;BYDAY=XX', 'FREQ=MONTHLY;BYDAY=5MO', 'nonsense']) {
      expect(parseRepeat(rule)).toBeNull();
    }
  });
});
