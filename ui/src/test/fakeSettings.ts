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
  mfaEnabled = false;
  /** The code the fake authenticator app shows; backup codes are `backup-N`. */
  appCode = '123456';
  backupCodes: string[] = [];
  calls: Array<{ operationName: string; variables: Record<string, unknown> }> = [];
  overrides: Record<string, Handler> = {};

  /** Answers a settings or admin operation, or null when the operation is not one of them. */
  handle(operationName: string, variables: Record<string, unknown>): Response | Promise<Response> | null {
    const handlers: Record<string, Handler> = {
      Preferences: () => json({ data: { me: { id: 'u-1', preferences: { ...this.preferences } } } }),
      UpdatePreferences: (v) => this.updatePreferences(v.input as Partial<Preferences>),
      MfaStatus: () => json({ data: { me: { id: 'u-1', mfaEnabled: this.mfaEnabled } } }),
      StartMfaEnrolment: () =>
        json({
          data: {
            startMfaEnrolment: {
              otpauthUri: 'otpauth://totp/Personal%20Assistant:ada%40example.com?secret=JBSWY3DPEHPK3PXP',
              manualEntryKey: 'JBSWY3DPEHPK3PXP',
              qrCodePng: 'data:image/png;base64,iVBORw0KGgo=',
              userErrors: [],
            },
          },
        }),
      ConfirmMfaEnrolment: (v) => {
        const code = (v.input as { code: string }).code;
        if (code !== this.appCode) return json({ data: { confirmMfaEnrolment: wrongCode() } });
        this.mfaEnabled = true;
        return json({ data: { confirmMfaEnrolment: { backupCodes: this.newBackupCodes(), userErrors: [] } } });
      },
      RegenerateBackupCodes: (v) => {
        const input = v.input as { code?: string; password?: string };
        if (input.code !== this.appCode && input.password !== 'correct-horse-battery-42') {
          return json({ data: { regenerateBackupCodes: wrongCode() } });
        }
        return json({ data: { regenerateBackupCodes: { backupCodes: this.newBackupCodes(), userErrors: [] } } });
      },
      DisableMfa: (v) => {
        const input = v.input as { code: string; password: string };
        if (input.code !== this.appCode || input.password !== 'correct-horse-battery-42') {
          return json({ data: { disableMfa: { userErrors: [{ field: null, message: 'That password and code don’t match.', code: 'INVALID_CREDENTIALS' }] } } });
        }
        this.mfaEnabled = false;
        return json({ data: { disableMfa: { userErrors: [] } } });
      },
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

  private newBackupCodes(): string[] {
    this.backupCodes = Array.from({ length: 10 }, (_, i) => `backup${String(i).padStart(2, '0')}abcdefgh`);
    return this.backupCodes;
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

function wrongCode() {
  return {
    backupCodes: null,
    userErrors: [{ field: 'code', message: 'That code didn’t work. Enter the newest code from your app.', code: 'INVALID' }],
  };
}
