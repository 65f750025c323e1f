import { describe, expect, it } from 'vitest';
import { DEFAULT_QUIET, preferencesInput, preferencesValues, validatePreferences, type PreferencesValues } from './preferences';

const good: PreferencesValues = { breakdownThreshold: '3', quietHours: true, quietStart: '22:00', quietEnd: '07:00', digestTime: '07:30' };

describe('preferencesValues', () => {
  it('shows the server’s preferences', () => {
    expect(preferencesValues({ breakdownThreshold: 5, quietStart: '21:30', quietEnd: '08:00', digestTime: '06:45' })).toEqual({
      breakdownThreshold: '5',
      quietHours: true,
      quietStart: '21:30',
      quietEnd: '08:00',
      digestTime: '06:45',
    });
  });
  it('reads an equal start and end as no quiet hours, offering sensible times should they be turned on', () => {
    const values = preferencesValues({ breakdownThreshold: 3, quietStart: '00:00', quietEnd: '00:00', digestTime: '07:30' });
    expect(values.quietHours).toBe(false);
    expect([values.quietStart, values.quietEnd]).toEqual([DEFAULT_QUIET.start, DEFAULT_QUIET.end]);
  });
  it('drops seconds', () => {
    expect(preferencesValues({ breakdownThreshold: 3, quietStart: '22:00:00', quietEnd: '07:00:00', digestTime: '07:30:00' }).digestTime).toBe('07:30');
  });
});

describe('validatePreferences', () => {
  it('passes good values', () => {
    expect(validatePreferences(good)).toEqual({});
  });
  it.each(['0', '21', '2.5', 'abc', ''])('wants a whole number from 1 to 20, not "%s"', (threshold) => {
    expect(validatePreferences({ ...good, breakdownThreshold: threshold }).breakdownThreshold).toBe('Pick a whole number from 1 to 20.');
  });
  it('needs different start and end for quiet hours that are on', () => {
    expect(validatePreferences({ ...good, quietEnd: '22:00' }).quietEnd).toMatch(/different from the start/);
  });
  it('ignores the quiet hours fields when quiet hours are off', () => {
    expect(validatePreferences({ ...good, quietHours: false, quietStart: '', quietEnd: '' })).toEqual({});
  });
  it('needs a digest time', () => {
    expect(validatePreferences({ ...good, digestTime: '' }).digestTime).toMatch(/daily summary/);
  });
});

describe('preferencesInput', () => {
  it('sends every preference', () => {
    expect(preferencesInput({ ...good, breakdownThreshold: ' 5 ' })).toEqual({
      breakdownThreshold: 5,
      quietStart: '22:00',
      quietEnd: '07:00',
      digestTime: '07:30',
    });
  });
  it('sends quiet hours that are off as an equal start and end', () => {
    const input = preferencesInput({ ...good, quietHours: false });
    expect(input.quietStart).toBe(input.quietEnd);
  });
});
