import { describe, expect, it } from 'vitest';
import { task } from '../test/tasks';
import { changesFrom, formOf, parseTags, validateTaskForm, wallTime } from './taskForm';

describe('the task panel’s form', () => {
  it('sends only what changed', () => {
    const t = task({ title: 'pay rent', dueDate: '2026-11-25', tags: ['home'] });
    const form = formOf(t, 'Europe/Paris');
    expect(changesFrom(t, form, 'Europe/Paris')).toEqual({});
    expect(changesFrom(t, { ...form, title: '  pay the rent ' }, 'Europe/Paris')).toEqual({ title: 'pay the rent' });
  });

  it('writes a timed due as the instant of that wall-clock time in the person’s zone, a day alone as a date', () => {
    const t = task({ title: 'call', dueDate: '2026-11-25' });
    const form = formOf(t, 'America/New_York');
    expect(changesFrom(t, { ...form, dueTime: '17:00' }, 'America/New_York')).toEqual({ dueAt: '2026-11-25T22:00:00.000Z' });
    expect(changesFrom(t, { ...form, dueDate: '2026-11-26' }, 'America/New_York')).toEqual({ dueDate: '2026-11-26' });
    expect(changesFrom(t, { ...form, dueDate: '' }, 'America/New_York')).toEqual({ dueDate: null, dueAt: null });
  });

  it('reads a timed due back as its wall-clock time in the zone', () => {
    const t = task({ title: 'call', dueDate: '2026-11-25', dueAt: '2026-11-25T22:00:00Z', allDay: false });
    expect(formOf(t, 'America/New_York').dueTime).toBe('17:00');
    expect(wallTime('2026-11-25T23:30:00Z', 'Asia/Tokyo')).toBe('08:30');
  });

  it('clears notes, priority and estimate given empty, and reads tags as the server keeps them', () => {
    const t = task({ title: 'x', notes: 'n', priority: 'HIGH', estimateMinutes: 30 });
    const form = formOf(t, 'UTC');
    expect(changesFrom(t, { ...form, notes: ' ', priority: '', estimate: '' }, 'UTC')).toEqual({
      notes: null,
      priority: null,
      estimateMinutes: null,
    });
    expect(parseTags('#Home, garden  #home,kids')).toEqual(['garden', 'home', 'kids']);
  });

  it('checks the limits the server holds', () => {
    const form = formOf(task({ title: 'x' }), 'UTC');
    expect(validateTaskForm({ ...form, title: ' ' }).title).toBe('Give the task a title.');
    expect(validateTaskForm({ ...form, title: '😀'.repeat(500) }).title).toBeUndefined();
    expect(validateTaskForm({ ...form, estimate: '0' }).estimate).toBeDefined();
    expect(validateTaskForm({ ...form, dueTime: '10:00' }).dueDate).toBe('Pick a day for that time.');
    expect(validateTaskForm({ ...form, tags: Array.from({ length: 21 }, (_, i) => `t${i}`).join(' ') }).tags).toBe('Use 20 tags at most.');
  });
});
