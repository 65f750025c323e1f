// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CapturePreview } from './api';
import { PreviewLine } from './CaptureBar';

const base: CapturePreview = {
  title: 'call mom',
  dueDate: null,
  dueAt: null,
  allDay: null,
  priority: null,
  tags: [],
  recurrence: null,
  remindAt: null,
  flags: [],
  userErrors: [],
};

function line(preview: CapturePreview | null, timeZone = 'Europe/Paris') {
  return render(<PreviewLine preview={preview} today="2026-11-25" timeZone={timeZone} locale="en-US" />).container
    .textContent;
}

describe('PreviewLine', () => {
  afterEach(cleanup);

  it('reads a timed capture with priority, tags and a reminder in the person’s zone', () => {
    // 16:00Z is 17:00 in Paris.
    const text = line({
      ...base,
      dueDate: '2026-11-26',
      dueAt: '2026-11-26T16:00:00Z',
      allDay: false,
      priority: 'HIGH',
      tags: ['family'],
      remindAt: '2026-11-26T15:45:00Z',
    });
    expect(text).toBe(
      'Will be saved as: call mom, due tomorrow 5:00 PM, High priority, tag #family, reminder tomorrow 4:45 PM',
    );
  });

  it('reads a repeat rule in words', () => {
    expect(line({ ...base, title: 'gym', dueDate: '2026-11-30', allDay: true, recurrence: 'FREQ=WEEKLY;BYDAY=MO' })).toBe(
      'Will be saved as: gym, due Monday, repeats every Monday',
    );
    expect(line({ ...base, title: 'x', dueDate: '2026-11-25', allDay: true, recurrence: 'FREQ=DAILY;COUNT=3' })).toContain(
      'repeats FREQ=DAILY;COUNT=3',
    );
  });

  it('says when there is no date, and when the title is missing', () => {
    expect(line(base)).toBe('Will be saved as: call mom, no date');
    expect(line({ ...base, title: '' })).toContain('Add a few words for the title');
  });

  it('asks "next year?" when the server read a date without its year as almost a year away', () => {
    const farAhead = { ...base, title: 'pay bills', dueDate: '2027-12-01', allDay: true };
    expect(line({ ...farAhead, flags: ['DUE_FAR_AHEAD'] })).toBe(
      'Will be saved as: pay bills, due Wed, Dec 1, 2027, next year?',
    );
    expect(line(farAhead)).not.toContain('next year?');
  });

  it('shows the server’s objection, or that no preview is available', () => {
    expect(
      line({ ...base, title: '', userErrors: [{ field: 'text', message: 'Keep a capture under 1000 characters.', code: 'TOO_LONG' }] }),
    ).toBe('Keep a capture under 1000 characters.');
    expect(line(null)).toContain('No preview right now');
  });
});
