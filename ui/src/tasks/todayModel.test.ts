import { describe, expect, it } from 'vitest';
import { step, task } from '../test/tasks';
import { findTask, initialModel, isClear, sectionFor, todayReducer, type TodayModel } from './todayModel';

const TODAY = '2026-11-25';

function model(parts: Partial<TodayModel> = {}): TodayModel {
  return { ...initialModel({ date: TODAY, timeZone: 'UTC', dueToday: [], overdue: [] }), ...parts };
}

const titles = (list: { title: string }[]) => list.map((t) => t.title);

describe('sectionFor', () => {
  it('files a task by its due day', () => {
    expect(sectionFor(task({ dueDate: TODAY }), TODAY)).toBe('dueToday');
    expect(sectionFor(task({ dueDate: '2026-11-22' }), TODAY)).toBe('overdue');
    expect(sectionFor(task({ dueDate: '2026-11-26' }), TODAY)).toBe('later');
    expect(sectionFor(task(), TODAY)).toBe('later');
  });
});

describe('todayReducer', () => {
  it('puts a captured task in its place at once, in the server’s order', () => {
    const morning = task({ title: 'standup', dueDate: TODAY, dueAt: `${TODAY}T09:00:00Z`, allDay: false });
    const evening = task({ title: 'gym', dueDate: TODAY, dueAt: `${TODAY}T18:00:00Z`, allDay: false });
    let m = model({ dueToday: [morning, evening] });
    m = todayReducer(m, { type: 'captured', task: task({ title: 'call', dueDate: TODAY, dueAt: `${TODAY}T12:00:00Z` }) });
    m = todayReducer(m, { type: 'captured', task: task({ title: 'pay rent', dueDate: TODAY }) });
    expect(titles(m.dueToday)).toEqual(['pay rent', 'standup', 'call', 'gym']);

    m = todayReducer(m, { type: 'captured', task: task({ title: 'old form', dueDate: '2026-11-20' }) });
    m = todayReducer(m, { type: 'captured', task: task({ title: 'dentist', dueDate: '2026-11-27' }) });
    m = todayReducer(m, { type: 'captured', task: task({ title: 'someday' }) });
    expect(titles(m.overdue)).toEqual(['old form']);
    expect(titles(m.later)).toEqual(['someday', 'dentist']);
  });

  it('removes a task the server marked done, and undo (reopen) brings it back in place', () => {
    const a = task({ title: 'a', dueDate: TODAY });
    const b = task({ title: 'b', dueDate: TODAY, dueAt: `${TODAY}T10:00:00Z` });
    let m = model({ dueToday: [a, b] });
    m = todayReducer(m, { type: 'completed', task: { ...a, status: 'DONE' } });
    expect(titles(m.dueToday)).toEqual(['b']);
    expect(isClear(m)).toBe(false);
    m = todayReducer(m, { type: 'reopened', task: { ...a, status: 'OPEN' } });
    expect(titles(m.dueToday)).toEqual(['a', 'b']);
  });

  it('keeps a recurring task that moved to a later day, ticked, with its next due', () => {
    const water = task({ title: 'water plants', dueDate: TODAY, recurrence: 'FREQ=DAILY' });
    let m = model({ dueToday: [water] });
    m = todayReducer(m, { type: 'completed', task: { ...water, dueDate: '2026-11-26' } });
    expect(titles(m.dueToday)).toEqual(['water plants']);
    expect(m.dueToday[0]!.dueDate).toBe('2026-11-26');
    expect(m.doneForNow).toEqual([water.id]);
    expect(isClear(m)).toBe(true);
  });

  it('moves a recurring task from earlier to today when its next occurrence is today', () => {
    const water = task({ title: 'water plants', dueDate: '2026-11-20', recurrence: 'FREQ=DAILY' });
    let m = model({ overdue: [water] });
    m = todayReducer(m, { type: 'completed', task: { ...water, dueDate: TODAY } });
    expect(m.overdue).toEqual([]);
    expect(titles(m.dueToday)).toEqual(['water plants']);
    expect(m.doneForNow).toEqual([]);
  });

  it('takes a snoozed task off the list', () => {
    const form = task({ title: 'send the form', dueDate: '2026-11-22' });
    const m = todayReducer(model({ overdue: [form] }), {
      type: 'snoozed',
      task: { ...form, snoozedUntil: '2026-11-26T09:00:00Z' },
    });
    expect(m.overdue).toEqual([]);
  });

  it('shows the steps a breakdown returns, and a step’s new state', () => {
    const form = task({ title: 'send the form', dueDate: '2026-11-22' });
    const steps = [step({ title: 'find it' }), step({ title: 'fill it' }), step({ title: 'post it' })];
    let m = todayReducer(model({ overdue: [form] }), { type: 'updated', task: { ...form, subtasks: steps } });
    expect(titles(m.overdue[0]!.subtasks)).toEqual(['find it', 'fill it', 'post it']);
    m = todayReducer(m, { type: 'stepChanged', parentId: form.id, step: { ...steps[1]!, status: 'DONE' } });
    expect(m.overdue[0]!.subtasks.map((s) => s.status)).toEqual(['OPEN', 'DONE', 'OPEN']);
    expect(findTask(m, form.id)?.section).toBe('overdue');
  });

  it('reloading keeps what this visit added: done recurring tasks and later captures', () => {
    const water = task({ title: 'water plants', dueDate: '2026-11-26', recurrence: 'FREQ=DAILY' });
    const later = task({ title: 'dentist', dueDate: '2026-11-27' });
    const rent = task({ title: 'pay rent', dueDate: TODAY });
    const m = todayReducer(model({ dueToday: [water], doneForNow: [water.id], later: [later] }), {
      type: 'loaded',
      data: { date: TODAY, timeZone: 'UTC', dueToday: [rent], overdue: [] },
    });
    expect(titles(m.dueToday)).toEqual(['pay rent', 'water plants']);
    expect(m.doneForNow).toEqual([water.id]);
    expect(titles(m.later)).toEqual(['dentist']);

    // On a new day the server's list stands alone; a later capture now due today comes from the server.
    const next = todayReducer(m, {
      type: 'loaded',
      data: { date: '2026-11-27', timeZone: 'UTC', dueToday: [later], overdue: [rent] },
    });
    expect(titles(next.dueToday)).toEqual(['dentist']);
    expect(next.later).toEqual([]);
    expect(next.doneForNow).toEqual([]);
  });
});
