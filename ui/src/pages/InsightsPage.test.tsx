// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../i18n';
import { pinClock, releaseClock } from '../test/clock';
import { FakeAccountsServer } from '../test/fakeGraphQL';
import { renderApp } from '../test/renderApp';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function server(): FakeAccountsServer {
  const s = new FakeAccountsServer();
  s.cookie = 'cookie-0';
  return s;
}

/** The card under the h2 of that name. */
async function card(name: RegExp | string): Promise<HTMLElement> {
  return (await screen.findByRole('heading', { level: 2, name })).closest('section')!;
}

describe('Insights page', () => {
  // The page is a lazy chunk: load it once up front, so that no test's time goes on compiling it (recharts is large).
  beforeAll(() => import('./InsightsPage'), 60_000);
  beforeEach(() => pinClock('2026-11-25T14:00:00Z'));
  afterEach(async () => {
    cleanup();
    releaseClock();
    await setLanguage('en');
  });

  it('says what the numbers show: streak, recent outcomes, peak hour and day, the trend, steps and focus', async () => {
    const s = server();
    const data = s.activity.insights;
    data.currentStreakDays = 4;
    data.last7Days = { completed: 6, missed: 2, rate: 0.75 };
    data.last30Days = { completed: 20, missed: 5, rate: 0.8 };
    data.completionsByHour[10]!.count = 7;
    data.completionsByHour[15]!.count = 3;
    data.completionsByWeekday[1]!.count = 9; // Tuesday
    data.weeklyCompletions = data.weeklyCompletions.map((w, i) => ({ ...w, completions: i === 7 ? 9 : 4 }));
    data.breakdown = { tasks: 3, before: { completed: 1, missed: 3, rate: 0.25 }, after: { completed: 4, missed: 1, rate: 0.8 } };
    data.focusLast7Days = { sessions: 2, minutes: 50 };
    data.focusLast30Days = { sessions: 5, minutes: 115 };
    await renderApp('/insights', s);
    await screen.findByText('Streak');

    const main = screen.getByRole('main');
    expect(main.textContent).toContain('Streak4 days');
    expect(main.textContent).toContain('Done in the last 7 days675% of what was due; 2 missed');
    expect(main.textContent).toContain('5 sessions115 minutes in all; 2 this past week');
    expect((await card('By hour of the day')).textContent).toContain('Most gets done around 10 AM.');
    expect((await card('By day of the week')).textContent).toContain('Tuesday is your strongest day.');
    expect((await card('Week by week')).textContent).toContain('This week: 9 done, more than usual.');
    expect((await card('Breaking tasks into steps')).textContent).toContain('Steps helped: 3 tasks got done more often once broken down.');
  });

  it('is calm with no history: nothing stands out yet', async () => {
    await renderApp('/insights', server());
    expect((await card('By hour of the day')).textContent).toContain('No hour stands out yet.');
    expect((await card('By day of the week')).textContent).toContain('No day stands out yet.');
    expect((await card('Week by week')).textContent).toContain('Nothing done in the last 8 weeks yet.');
    expect((await card('Breaking tasks into steps')).textContent).toContain('No task has been broken into steps yet.');
    expect(screen.getByRole('main').textContent).toContain('Streak0 days');
    expect(screen.getByRole('main').textContent).toContain('Done in the last 7 days0Nothing was due.');
  });

  it('speaks the profile’s language (French), dates and numbers included', async () => {
    const s = server();
    s.user = { ...s.user, locale: 'fr' };
    s.activity.insights.completionsByWeekday[4]!.count = 2; // Friday
    s.activity.insights.last7Days = { completed: 1, missed: 1, rate: 0.5 };
    await renderApp('/insights', s);
    await screen.findByRole('heading', { level: 1, name: 'Bilan' });
    expect((await card('Selon le jour')).textContent).toContain('Le vendredi est votre meilleur jour.');
    expect(screen.getByRole('main').textContent).toMatch(/Fait ces 7 derniers jours150\s% de ce qui était prévu/);
  });
});
