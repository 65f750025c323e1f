// An in-memory fake of the integrations API: the providers offered, the connected accounts with their sync status,
// what connect, sync now and disconnect were asked, and free slots for a task with scheduling into a calendar.
import type { Integration, IntegrationSync } from '../integrations/api';
import { json } from './fakeGraphQL';
import type { FakeTasksServer } from './fakeTasks';

export class FakeIntegrationsServer {
  providers: Array<'GOOGLE' | 'MICROSOFT'> = ['GOOGLE', 'MICROSOFT'];
  integrations: Integration[] = [];
  syncs: IntegrationSync[] = [];
  calls: Array<{ operationName: string; variables: Record<string, unknown> }> = [];
  /** What findTimeFor answers, whatever the task. */
  freeSlots: Array<{ startsAt: string; endsAt: string }> = [];

  constructor(private readonly tasks: FakeTasksServer) {}

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
      case 'FindTimeFor':
        this.calls.push({ operationName, variables });
        return json({
          data: {
            findTimeFor: { slots: this.freeSlots, minutes: 30, userErrors: [] },
            integrations: this.integrations.map(({ id, provider, capabilities, status }) => ({ id, provider, capabilities, status })),
          },
        });
      case 'ScheduleTask': {
        this.calls.push({ operationName, variables });
        const calendar = this.integrations.find((i) => i.id === input.integrationId);
        const task = this.tasks.tasks.find((t) => t.id === input.taskId);
        if (!calendar?.capabilities.includes('CALENDAR_WRITE') || !task) {
          const userErrors = [{ field: 'integrationId', message: 'That calendar can’t take events.', code: 'INVALID' }];
          return json({ data: { scheduleTask: { task: null, eventLink: null, userErrors } } });
        }
        Object.assign(task, { dueAt: String(input.slot), dueDate: String(input.slot).slice(0, 10), allDay: false });
        return json({ data: { scheduleTask: { task: { ...task }, eventLink: 'https://calendar.example/event/1', userErrors: [] } } });
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
