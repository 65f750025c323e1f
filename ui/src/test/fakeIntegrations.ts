// An in-memory fake of the integrations API: the providers offered, the connected accounts with their sync status,
// and what connect, sync now and disconnect were asked.
import type { Integration, IntegrationSync } from '../integrations/api';
import { json } from './fakeGraphQL';

export class FakeIntegrationsServer {
  providers: Array<'GOOGLE' | 'MICROSOFT'> = ['GOOGLE', 'MICROSOFT'];
  integrations: Integration[] = [];
  syncs: IntegrationSync[] = [];
  calls: Array<{ operationName: string; variables: Record<string, unknown> }> = [];

  callsOf(operationName: string) {
    return this.calls.filter((c) => c.operationName === operationName);
  }

  /** Answers one of these operations, or null when the operation is not one of them. */
  handle(operationName: string, variables: Record<string, unknown>): Response | null {
    const input = (variables.input ?? {}) as Record<string, unknown>;
    switch (operationName) {
      case 'Integrations':
        this.calls.push({ operationName, variables });
        return json({ data: { integrationProviders: this.providers, integrations: this.integrations, integrationSyncs: this.syncs } });
      case 'ConnectIntegration':
        this.calls.push({ operationName, variables });
        return json({
          data: {
            connectIntegration: {
              authorizationUrl: `https://accounts.example/consent?provider=${String(input.provider)}`,
              userErrors: [],
            },
          },
        });
      case 'SyncNow': {
        this.calls.push({ operationName, variables });
        const sync = this.syncs.find((s) => s.integrationId === input.integrationId);
        const next = sync ? { ...sync, streams: sync.streams.map((s) => ({ ...s, nextRunAt: '2026-12-02T09:01:00Z' })) } : null;
        if (next) this.syncs = this.syncs.map((s) => (s === sync ? next : s));
        return json({ data: { syncNow: { integrationSync: next, userErrors: [] } } });
      }
      case 'DisconnectIntegration': {
        this.calls.push({ operationName, variables });
        const gone = this.integrations.find((i) => i.id === input.id);
        this.integrations = this.integrations.filter((i) => i !== gone);
        return json({
          data: {
            disconnectIntegration: {
              disconnectedId: gone?.id ?? null,
              revokedAtProvider: gone ? gone.provider === 'GOOGLE' : null,
              userErrors: [],
            },
          },
        });
      }
    }
    return null;
  }
}
