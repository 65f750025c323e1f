// What the Integrations page says about a sync and about the provider's answer to a connect (?result=).
import { i18n } from '../i18n';
import { formatDateTime } from '../lib/dates';
import { providerName } from '../oidc/messages';
import type { IntegrationSync } from './api';

const RESULTS = ['granted', 'partial', 'denied', 'error'] as const;

/** The line for `/settings/integrations?provider=google&result=partial`; null when the address says nothing known. */
export function connectResultMessage(provider: string | null, result: string | null): string | null {
  const known = RESULTS.find((r) => r === result);
  if (!known) return null;
  return i18n.t(`integrations.result.${known}`, { provider: providerName(provider ?? '') || i18n.t('integrations.theProvider') });
}

/** One stream's state in words: "Calendar: synced Dec 2, 2026, 9:05 AM (42 items). Next: …". */
export function streamWords(stream: IntegrationSync['streams'][number], timeZone: string): string {
  const what = i18n.t(`integrations.data.${stream.data}`);
  const when = (iso: string) => formatDateTime(iso, timeZone);
  if (stream.state === 'NEEDS_RECONNECT') return i18n.t('integrations.stream.waiting', { what });
  const parts: string[] = [];
  if (stream.lastError) {
    parts.push(i18n.t('integrations.stream.failed', { what, when: stream.lastErrorAt ? when(stream.lastErrorAt) : '', error: stream.lastError }));
  } else if (stream.lastSuccessAt) {
    parts.push(i18n.t('integrations.stream.synced', { what, when: when(stream.lastSuccessAt), count: stream.items }));
  } else {
    parts.push(i18n.t('integrations.stream.never', { what }));
  }
  if (stream.nextRunAt) parts.push(i18n.t('integrations.stream.next', { when: when(stream.nextRunAt) }));
  return parts.join(' ');
}
