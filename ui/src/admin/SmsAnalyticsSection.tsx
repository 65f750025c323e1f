import { useId, useState } from 'react';
import { Loading, LoadProblem, Section } from '../components/Section';
import type { GraphQLClient } from '../graphql/client';
import { queryFailureMessage, useGraphQLQuery } from '../graphql/query';
import { queryKeys } from '../graphql/queryKeys';
import { i18n, useTranslation } from '../i18n';
import { SMS_ANALYTICS, type SmsStats } from './api';

const PERIODS = [7, 30, 90] as const;

function money(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat(i18n.language, { style: 'currency', currency, maximumFractionDigits: 4 }).format(amount);
  } catch {
    return `${amount.toFixed(4)} ${currency}`;
  }
}

function ms(value: number | null): string {
  if (value === null) return '—';
  return value >= 1000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`;
}

function percent(value: number | null): string {
  return value === null ? '—' : `${(value * 100).toFixed(1)} %`;
}

/** Texts in and out over a period: totals, cost, failures and latencies, then day by day. */
export function SmsAnalyticsSection({ client }: { client: GraphQLClient }) {
  const { t } = useTranslation();
  const [days, setDays] = useState<number>(30);
  const { state, reload } = useGraphQLQuery(client, queryKeys.admin.smsAnalytics(days), SMS_ANALYTICS, { days });
  const periodId = useId();
  const analytics = state.status === 'ready' ? state.data.smsAnalytics : null;
  // Newest first, days with texts only.
  const activeDays = analytics ? analytics.days.filter((day) => day.stats.inbound + day.stats.outbound > 0).reverse() : [];

  return (
    <Section id="sms" title={t('admin.sms.title')} lead={t('admin.sms.lead')}>
      <div className="field field--inline">
        <label className="field__label" htmlFor={periodId}>
          {t('admin.sms.period')}
        </label>
        <select id={periodId} className="field__input field__select" value={days} onChange={(e) => setDays(Number(e.target.value))}>
          {PERIODS.map((n) => (
            <option key={n} value={n}>
              {t('admin.sms.lastDays', { count: n })}
            </option>
          ))}
        </select>
      </div>
      {state.status === 'loading' ? <Loading what={t('admin.sms.loading')} /> : null}
      {state.status === 'failed' ? <LoadProblem message={queryFailureMessage(state.failure)} onRetry={() => void reload()} /> : null}
      {analytics ? (
        <>
          <StatsSummary stats={analytics.totals} currency={analytics.currency} />
          <p className="muted">
            {t('admin.sms.price', { price: money(analytics.pricePerSegment, analytics.currency) })}
          </p>
          {activeDays.length === 0 ? <p className="muted">{t('admin.sms.none')}</p> : null}
          <div className="table-scroll" tabIndex={0} role="region" aria-label={t('admin.sms.table')} hidden={activeDays.length === 0}>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('admin.sms.day')}</th>
                  <th scope="col">{t('admin.sms.in')}</th>
                  <th scope="col">{t('admin.sms.out')}</th>
                  <th scope="col">{t('admin.sms.failed')}</th>
                  <th scope="col">{t('admin.sms.segments')}</th>
                  <th scope="col">{t('admin.sms.cost')}</th>
                  <th scope="col">{t('admin.sms.deliveryP95')}</th>
                </tr>
              </thead>
              <tbody>
                {activeDays.map((day) => (
                  <tr key={day.date}>
                    <th scope="row">{day.date}</th>
                    <td>{day.stats.inbound}</td>
                    <td>{day.stats.outbound}</td>
                    <td>{day.stats.failed}</td>
                    <td>{day.stats.segments}</td>
                    <td>{money(day.stats.estimatedCost, analytics.currency)}</td>
                    <td>{ms(day.stats.deliveryLatencyP95Ms)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </Section>
  );
}

function StatsSummary({ stats, currency }: { stats: SmsStats; currency: string }) {
  const { t } = useTranslation();
  const items: Array<[string, string]> = [
    [t('admin.sms.received'), String(stats.inbound)],
    [t('admin.sms.sent'), String(stats.outbound)],
    [t('admin.sms.failed'), `${stats.failed} (${percent(stats.failureRate)})`],
    [t('admin.sms.segments'), String(stats.segments)],
    [t('admin.sms.estimatedCost'), money(stats.estimatedCost, currency)],
    [t('admin.sms.sending'), `${ms(stats.sendLatencyP50Ms)} / ${ms(stats.sendLatencyP95Ms)}`],
    [t('admin.sms.delivery'), `${ms(stats.deliveryLatencyP50Ms)} / ${ms(stats.deliveryLatencyP95Ms)}`],
  ];
  return (
    <dl className="stats">
      {items.map(([label, value]) => (
        <div key={label} className="stats__item">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
