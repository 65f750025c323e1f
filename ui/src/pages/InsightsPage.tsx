import { useId, useRef, type ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { useSession } from '../auth/SessionContext';
import { AppShell } from '../components/AppShell';
import { PageHeading } from '../components/PageHeading';
import type { User } from '../graphql/operations';
import { useTranslation } from '../i18n';
import { INSIGHTS, type InsightsData } from '../insights/api';
import { breakdownSummary, hourLabel, hourSummary, outcomeDetail, trendSummary, weekdayLabel, weekdaySummary } from '../insights/summary';
import { useDocumentTitle, useFocusOnNavigation } from '../lib/focus';
import { queryFailureMessage, useGraphQLQuery } from '../graphql/query';
import { queryKeys } from '../graphql/queryKeys';

const CHART_HEIGHT = 180;
const BAR = 'var(--primary)';
const AXIS = { fontSize: 12, fill: 'var(--muted)' };

/** Charts move only for people who have not asked their system for less motion. */
function animate(): boolean {
  return !(typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches);
}

/** A chart with its sentence: the sentence is what screen readers get (the drawing is hidden from them). */
function ChartCard({ title, summary, children }: { title: string; summary: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="card insights__card" aria-labelledby={id}>
      <h2 className="insights__heading" id={id}>
        {title}
      </h2>
      <p className="insights__summary">{summary}</p>
      <div className="insights__chart" aria-hidden="true">
        {children}
      </div>
    </section>
  );
}

function Figure({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <div className="card insights__figure">
      <p className="insights__figure-label">{label}</p>
      <p className="insights__figure-value">{value}</p>
      {detail ? <p className="muted insights__figure-detail">{detail}</p> : null}
    </div>
  );
}

function Charts({ data }: { data: InsightsData }) {
  const { t } = useTranslation();
  const motion = animate();
  const hours = data.completionsByHour.map((h) => ({ label: hourLabel(h.hour), count: h.count }));
  const weekdays = data.completionsByWeekday.map((d) => ({ label: weekdayLabel(d.weekday, 'short'), count: d.count }));
  const weeks = data.weeklyCompletions.map((w) => ({ label: w.week.slice(5), count: w.completions }));
  const steps = [
    { label: t('insights.before'), rate: Math.round((data.breakdown.before.rate ?? 0) * 100) },
    { label: t('insights.after'), rate: Math.round((data.breakdown.after.rate ?? 0) * 100) },
  ];
  const size = { width: '100%', height: CHART_HEIGHT } as const;
  return (
    <>
      <div className="insights__figures">
        <Figure label={t('insights.streak')} value={t('insights.days', { count: data.currentStreakDays })} />
        <Figure
          label={t('insights.last7')}
          value={String(data.last7Days.completed)}
          detail={outcomeDetail(data.last7Days)}
        />
        <Figure
          label={t('insights.last30')}
          value={String(data.last30Days.completed)}
          detail={outcomeDetail(data.last30Days)}
        />
        <Figure
          label={t('insights.focus')}
          value={t('insights.sessions', { count: data.focusLast30Days.sessions })}
          detail={t('insights.focusDetail', { minutes: data.focusLast30Days.minutes, week: data.focusLast7Days.sessions })}
        />
      </div>
      <div className="insights__grid">
        <ChartCard title={t('insights.byHour')} summary={hourSummary(data)}>
          <BarChart responsive style={size} data={hours} accessibilityLayer={false}>
            <CartesianGrid vertical={false} stroke="var(--line)" />
            <XAxis dataKey="label" tick={AXIS} interval={5} />
            <YAxis allowDecimals={false} tick={AXIS} width={28} />
            <Tooltip />
            <Bar dataKey="count" name={t('insights.completions')} fill={BAR} isAnimationActive={motion} />
          </BarChart>
        </ChartCard>
        <ChartCard title={t('insights.byWeekday')} summary={weekdaySummary(data)}>
          <BarChart responsive style={size} data={weekdays} accessibilityLayer={false}>
            <CartesianGrid vertical={false} stroke="var(--line)" />
            <XAxis dataKey="label" tick={AXIS} />
            <YAxis allowDecimals={false} tick={AXIS} width={28} />
            <Tooltip />
            <Bar dataKey="count" name={t('insights.completions')} fill={BAR} isAnimationActive={motion} />
          </BarChart>
        </ChartCard>
        <ChartCard title={t('insights.weekly')} summary={trendSummary(data)}>
          <LineChart responsive style={size} data={weeks} accessibilityLayer={false}>
            <CartesianGrid vertical={false} stroke="var(--line)" />
            <XAxis dataKey="label" tick={AXIS} />
            <YAxis allowDecimals={false} tick={AXIS} width={28} />
            <Tooltip />
            <Line dataKey="count" name={t('insights.completions')} stroke={BAR} strokeWidth={2} isAnimationActive={motion} />
          </LineChart>
        </ChartCard>
        <ChartCard title={t('insights.steps')} summary={breakdownSummary(data)}>
          <BarChart responsive style={size} data={steps} accessibilityLayer={false}>
            <CartesianGrid vertical={false} stroke="var(--line)" />
            <XAxis dataKey="label" tick={AXIS} />
            <YAxis domain={[0, 100]} unit="%" tick={AXIS} width={40} />
            <Tooltip />
            <Bar dataKey="rate" name={t('insights.doneRate')} fill={BAR} isAnimationActive={motion} />
          </BarChart>
        </ChartCard>
      </div>
    </>
  );
}

/** The `insights` query as a few figures and charts, each with the sentence that says what it shows. */
export function InsightsPage({ user }: { user: User }) {
  const { t } = useTranslation();
  const session = useSession();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const query = useGraphQLQuery(session.client, queryKeys.insights.all, INSIGHTS, {});
  useDocumentTitle(t('insights.title'));
  useFocusOnNavigation(headingRef);
  return (
    <AppShell user={user} current="insights" mainClassName="app-main insights-page" wide>
      <PageHeading ref={headingRef}>{t('insights.title')}</PageHeading>
      <p className="muted">{t('insights.lead')}</p>
      {query.state.status === 'loading' ? (
        <p className="tasks__loading" role="status">
          <span className="restoring__dot" aria-hidden="true" /> {t('tasksPage.loading')}
        </p>
      ) : query.state.status === 'failed' || !query.state.data.insights ? (
        <div className="card tasks__problem">
          <p>{query.state.status === 'failed' ? queryFailureMessage(query.state.failure) : t('tasksPage.loadFailed')}</p>
          <button type="button" className="button button--quiet" onClick={() => void query.reload()}>
            {t('common.tryAgain')}
          </button>
        </div>
      ) : (
        <Charts data={query.state.data.insights} />
      )}
    </AppShell>
  );
}
