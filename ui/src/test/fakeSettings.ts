// An in-memory fake of the settings and admin operations, enough to drive the Settings and Admin pages. Like the tasks
// fake, it records every call and lets a test replace the answer to one operation.
import type { SchedulerStatus } from '../admin/api';
import type { Preferences } from '../settings/api';
import { json } from './fakeGraphQL';

type Handler = (variables: Record<string, unknown>) => Response | Promise<Response>;

export class FakeSettingsServer {
  preferences: Preferences = { breakdownThreshold: 3, quietStart: '22:00', quietEnd: '07:00', digestTime: '07:30' };
  /** Null answers `scheduler` as the directive layer does for someone who is not an admin. */
  scheduler: SchedulerStatus | null = null;
  calls: Array<{ operationName: string; variables: Record<string, unknown> }> = [];
  overrides: Record<string, Handler> = {};

  /** Answers a settings or admin operation, or null when the operation is not one of them. */
  handle(operationName: string, variables: Record<string, unknown>): Response | Promise<Response> | null {
    const handlers: Record<string, Handler> = {
      Preferences: () => json({ data: { me: { id: 'u-1', preferences: { ...this.preferences } } } }),
      UpdatePreferences: (v) => this.updatePreferences(v.input as Partial<Preferences>),
      Scheduler: () =>
        this.scheduler
          ? json({ data: { scheduler: this.scheduler } })
          : json({
              data: { scheduler: null },
              errors: [{ message: 'Forbidden', path: ['scheduler'], extensions: { code: 'FORBIDDEN' } }],
            }),
    };
    const handler = this.overrides[operationName] ?? handlers[operationName];
    if (!handler) return null;
    this.calls.push({ operationName, variables });
    return handler(variables);
  }

  callsOf(operationName: string) {
    return this.calls.filter((c) => c.operationName === operationName);
  }

  private updatePreferences(input: Partial<Preferences>): Response {
    const threshold = input.breakdownThreshold;
    if (threshold !== undefined && (threshold < 1 || threshold > 20)) {
      return json({
        data: {
          updatePreferences: {
            preferences: null,
            userErrors: [{ field: 'breakdownThreshold', message: 'Pick a number from 1 to 20.', code: 'INVALID' }],
          },
        },
      });
    }
    this.preferences = { ...this.preferences, ...input };
    return json({ data: { updatePreferences: { preferences: { ...this.preferences }, userErrors: [] } } });
  }
}
