// An in-memory fake of the settings and admin operations, enough to drive the Settings and Admin pages. Like the tasks
// fake, it records every call and lets a test replace the answer to one operation.
import type { AuditEvent, ManagedUser, SchedulerStatus } from '../admin/api';
import type { User } from '../graphql/operations';
import type { ExternalIdentity, SignInProvider } from '../oidc/api';
import type { Phone, Preferences, SignedInSession } from '../settings/api';
import type { SchedulingPreferences } from '../settings/scheduling';
import { json } from './fakeGraphQL';

type Handler = (variables: Record<string, unknown>) => Response | Promise<Response>;

export class FakeSettingsServer {
  /** The signed-in person of the accounts fake, whose profile this fake changes. */
  constructor(private readonly owner: { user: User }) {}

  locale = 'en';
  supportedLocales = ['en', 'fr', 'es'];
  deleted = false;
  people: ManagedUser[] = [
    managed('p-1', 'Grace Hopper', 'grace@example.com', 'USER'),
    managed('p-2', 'Alan Turing', 'alan@example.com', 'PREMIUM'),
  ];
  audit: AuditEvent[] = [];
  providers: SignInProvider[] = [];
  identities: ExternalIdentity[] = [];
  phone: Phone | null = null;
  /** The code texted to a pending phone. */
  phoneCode = '246810';

  preferences: Preferences = { breakdownThreshold: 3, quietStart: '22:00', quietEnd: '07:00', digestTime: '07:30' };
  /** Working hours and the leave-now nudge, as the server's defaults are. */
  scheduling: SchedulingPreferences = { workStart: '09:00', workEnd: '18:00', workDays: [1, 2, 3, 4, 5], leaveNowMinutes: null };
  /** Null answers `scheduler` as the directive layer does for someone who is not an admin. */
  scheduler: SchedulerStatus | null = null;
  mfaEnabled = false;
  /** The code the fake authenticator app shows; backup codes are `backup-N`. */
  appCode = '123456';
  backupCodes: string[] = [];
  email = 'ada@example.com';
  emailVerified = false;
  password = 'correct-horse-battery-42';
  sessions: SignedInSession[] = [
    session('s-1', 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36', true),
    session('s-2', 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1', false),
    session('s-3', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0', false),
  ];
  /** Tokens of mailed links that still work: reset links and verification links. */
  resetTokens = new Set<string>();
  verifyTokens = new Map<string, string>();
  calls: Array<{ operationName: string; variables: Record<string, unknown> }> = [];
  overrides: Record<string, Handler> = {};

  /** Answers a settings or admin operation, or null when the operation is not one of them. */
  handle(operationName: string, variables: Record<string, unknown>): Response | Promise<Response> | null {
    const handlers: Record<string, Handler> = {
      Preferences: () => json({ data: { me: { id: 'u-1', preferences: { ...this.preferences } } } }),
      UpdatePreferences: (v) => this.updatePreferences(v.input as Partial<Preferences>),
      SchedulingPreferences: () => json({ data: { schedulingPreferences: { ...this.scheduling } } }),
      UpdateSchedulingPreferences: (v) => this.updateScheduling(v.input as Partial<SchedulingPreferences>),
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
      AccountEmail: () => json({ data: { me: { id: 'u-1', email: this.email, emailVerified: this.emailVerified } } }),
      ResendVerification: () =>
        json({
          data: {
            resendVerification: {
              userErrors: this.emailVerified ? [{ field: null, message: 'Your address is already confirmed.', code: 'INVALID' }] : [],
            },
          },
        }),
      ChangePassword: (v) => {
        const input = v.input as { currentPassword: string; newPassword: string };
        if (input.currentPassword !== this.password) {
          return json({ data: { changePassword: { userErrors: [{ field: 'currentPassword', message: 'That password isn’t right.', code: 'INVALID_CREDENTIALS' }] } } });
        }
        this.password = input.newPassword;
        this.sessions = this.sessions.filter((s) => s.current);
        return json({ data: { changePassword: { userErrors: [] } } });
      },
      ChangeEmail: (v) => {
        const input = v.input as { newEmail: string; currentPassword: string };
        if (input.currentPassword !== this.password) {
          return json({ data: { changeEmail: { pendingEmail: null, userErrors: [{ field: 'currentPassword', message: 'That password isn’t right.', code: 'INVALID_CREDENTIALS' }] } } });
        }
        return json({ data: { changeEmail: { pendingEmail: input.newEmail, userErrors: [] } } });
      },
      Sessions: () =>
        json({
          data: {
            sessions: {
              edges: this.sessions.map((node) => ({ cursor: `c-${node.id}`, node: { ...node } })),
              pageInfo: { hasNextPage: false, endCursor: this.sessions.length ? `c-${this.sessions.at(-1)!.id}` : null },
              totalCount: this.sessions.length,
            },
          },
        }),
      RevokeSession: (v) => {
        const id = (v.input as { id: string }).id;
        if (!this.sessions.some((s) => s.id === id && !s.current)) {
          return json({ data: { revokeSession: { userErrors: [{ field: 'id', message: 'That session has already ended.', code: 'NOT_FOUND' }] } } });
        }
        this.sessions = this.sessions.filter((s) => s.id !== id);
        return json({ data: { revokeSession: { userErrors: [] } } });
      },
      RevokeOtherSessions: () => {
        const revokedCount = this.sessions.filter((s) => !s.current).length;
        this.sessions = this.sessions.filter((s) => s.current);
        return json({ data: { revokeOtherSessions: { revokedCount, userErrors: [] } } });
      },
      RequestPasswordReset: () => json({ data: { requestPasswordReset: { userErrors: [] } } }),
      ResetPassword: (v) => {
        const input = v.input as { token: string; newPassword: string };
        if (!this.resetTokens.has(input.token)) {
          return json({ data: { resetPassword: { userErrors: [{ field: 'token', message: 'This link has expired or was already used.', code: 'INVALID' }] } } });
        }
        this.resetTokens.delete(input.token);
        this.password = input.newPassword;
        return json({ data: { resetPassword: { userErrors: [] } } });
      },
      VerifyEmail: (v) => {
        const token = (v.input as { token: string }).token;
        const email = this.verifyTokens.get(token);
        if (!email) {
          return json({ data: { verifyEmail: { email: null, userErrors: [{ field: 'token', message: 'This link has expired or was already used.', code: 'INVALID' }] } } });
        }
        this.verifyTokens.delete(token);
        this.email = email;
        this.emailVerified = true;
        return json({ data: { verifyEmail: { email, userErrors: [] } } });
      },
      Profile: () =>
        json({
          data: {
            me: { id: this.owner.user.id, displayName: this.owner.user.displayName, timeZone: this.owner.user.timeZone, locale: this.locale },
            supportedLocales: this.supportedLocales,
          },
        }),
      UpdateProfile: (v) => {
        const input = v.input as { displayName: string; timeZone: string; locale: string };
        if (!input.displayName.trim()) {
          return json({ data: { updateProfile: { user: null, userErrors: [{ field: 'displayName', message: 'Tell us what to call you.', code: 'INVALID' }] } } });
        }
        this.owner.user = { ...this.owner.user, displayName: input.displayName, timeZone: input.timeZone, locale: input.locale };
        this.locale = input.locale;
        const user = { id: this.owner.user.id, displayName: input.displayName, timeZone: input.timeZone, locale: input.locale };
        return json({ data: { updateProfile: { user, userErrors: [] } } });
      },
      DeleteMyAccount: (v) => {
        if ((v.input as { password: string }).password !== this.password) {
          return json({ data: { deleteMyAccount: { deleted: false, userErrors: [{ field: 'password', message: 'That password isn’t right.', code: 'INVALID_CREDENTIALS' }] } } });
        }
        this.deleted = true;
        return json({ data: { deleteMyAccount: { deleted: true, userErrors: [] } } });
      },
      Users: (v) => {
        const search = String(v.search ?? '').toLowerCase();
        const found = this.people.filter(
          (p) => (!search || `${p.email} ${p.displayName}`.toLowerCase().includes(search)) && (!v.role || p.role === v.role),
        );
        return json({ data: { users: connection(found, (p) => p.id) } });
      },
      ChangeRole: (v) => this.changePerson('changeRole', v, (p, input) => ({ ...p, role: input.role as ManagedUser['role'] })),
      DeactivateUser: (v) => this.changePerson('deactivateUser', v, (p) => ({ ...p, deactivatedAt: '2026-11-25T14:00:00Z' })),
      ReactivateUser: (v) => this.changePerson('reactivateUser', v, (p) => ({ ...p, deactivatedAt: null })),
      AuditLog: (v) => {
        const found = this.audit.filter(
          (e) =>
            (!v.action || e.action === v.action) &&
            (!v.outcome || e.outcome === v.outcome) &&
            (!v.person || e.actorId === v.person || e.subjectId === v.person),
        );
        return json({ data: { auditLog: connection(found, (e) => e.occurredAt) } });
      },
      AuditActions: () =>
        json({ data: { __type: { enumValues: ['SIGN_IN', 'SIGN_IN_FAILED', 'ROLE_CHANGED'].map((name) => ({ name })) } } }),
      SignInProviders: () => json({ data: { signInProviders: this.providers } }),
      Identities: () => json({ data: { identities: this.identities, signInProviders: this.providers } }),
      StartIdentityLink: (v) => {
        const provider = (v.input as { provider: string }).provider;
        return json({ data: { startIdentityLink: { url: `/auth/oidc/${provider.toLowerCase()}/start?link=one-time`, userErrors: [] } } });
      },
      UnlinkIdentity: (v) => {
        const id = (v.input as { id: string }).id;
        if (this.identities.length === 1 && id === this.identities[0]!.id && this.password === '') {
          return json({ data: { unlinkIdentity: { unlinkedId: null, userErrors: [{ field: 'id', message: 'It’s your only way to sign in.', code: 'INVALID' }] } } });
        }
        this.identities = this.identities.filter((i) => i.id !== id);
        return json({ data: { unlinkIdentity: { unlinkedId: id, userErrors: [] } } });
      },
      Phone: () => json({ data: { me: { id: 'u-1', phone: this.phone } } }),
      AddPhone: (v) => {
        const number = (v.input as { number: string }).number.replace(/[^\d+]/g, '');
        if (!number.startsWith('+')) {
          return json({ data: { addPhone: { phone: null, userErrors: [{ field: 'number', message: 'Add your country code, like +44.', code: 'INVALID' }] } } });
        }
        this.phone = { number, verified: false, verifiedAt: null, codeExpiresAt: '2026-11-25T14:10:00Z' };
        return json({ data: { addPhone: { phone: this.phone, userErrors: [] } } });
      },
      VerifyPhone: (v) => {
        if (!this.phone || (v.input as { code: string }).code !== this.phoneCode) {
          return json({ data: { verifyPhone: { phone: null, userErrors: [{ field: 'code', message: 'That code didn’t match.', code: 'INVALID' }] } } });
        }
        this.phone = { ...this.phone, verified: true, verifiedAt: '2026-11-25T14:01:00Z', codeExpiresAt: null };
        return json({ data: { verifyPhone: { phone: this.phone, userErrors: [] } } });
      },
      RemovePhone: () => {
        this.phone = null;
        return json({ data: { removePhone: { userErrors: [] } } });
      },
      SmsAnalytics: (v) => json({ data: { smsAnalytics: this.scheduler ? smsAnalytics(Number(v.days)) : null } }),
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

  private changePerson(
    field: string,
    variables: Record<string, unknown>,
    change: (person: ManagedUser, input: Record<string, string>) => ManagedUser,
  ): Response {
    const input = variables.input as Record<string, string>;
    const index = this.people.findIndex((p) => p.id === input.userId);
    if (index < 0) return json({ data: { [field]: { user: null, userErrors: [{ field: 'userId', message: 'No such person.', code: 'NOT_FOUND' }] } } });
    this.people[index] = change(this.people[index]!, input);
    return json({ data: { [field]: { user: { ...this.people[index] }, userErrors: [] } } });
  }

  private newBackupCodes(): string[] {
    this.backupCodes = Array.from({ length: 10 }, (_, i) => `backup${String(i).padStart(2, '0')}abcdefgh`);
    return this.backupCodes;
  }

  /** As the server checks: an end after the start, and the nudge from 5 to 240 minutes. */
  private updateScheduling(input: Partial<SchedulingPreferences>): Response {
    const next = { ...this.scheduling, ...input };
    const userErrors =
      next.workEnd <= next.workStart
        ? [{ field: 'workEnd', message: 'The working day must end after it starts.', code: 'INVALID' }]
        : next.leaveNowMinutes !== null && (next.leaveNowMinutes < 5 || next.leaveNowMinutes > 240)
          ? [{ field: 'leaveNowMinutes', message: 'Between 5 and 240 minutes, or none.', code: 'INVALID' }]
          : [];
    if (userErrors.length === 0) this.scheduling = next;
    return json({
      data: { updateSchedulingPreferences: { schedulingPreferences: userErrors.length ? null : { ...next }, userErrors } },
    });
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

function session(id: string, userAgent: string, current: boolean): SignedInSession {
  return {
    id,
    userAgent,
    ip: '192.0.2.10',
    createdAt: '2026-11-20T09:00:00Z',
    lastSeenAt: '2026-11-25T13:00:00Z',
    expiresAt: '2026-12-20T09:00:00Z',
    current,
  };
}

function managed(id: string, displayName: string, email: string, role: ManagedUser['role']): ManagedUser {
  return { id, displayName, email, role, createdAt: '2026-10-01T10:00:00Z', deactivatedAt: null };
}

function connection<T>(nodes: T[], cursor: (node: T) => string) {
  return {
    edges: nodes.map((node) => ({ cursor: cursor(node), node: { ...node } })),
    pageInfo: { hasNextPage: false, endCursor: nodes.length ? cursor(nodes.at(-1)!) : null },
    totalCount: nodes.length,
  };
}

function smsAnalytics(days: number) {
  const stats = (inbound: number, outbound: number, failed: number) => ({
    inbound,
    outbound,
    segments: inbound + outbound,
    estimatedCost: (inbound + outbound) * 0.0079,
    failed,
    failureRate: outbound ? failed / outbound : null,
    sendLatencyP50Ms: outbound ? 420 : null,
    sendLatencyP95Ms: outbound ? 1300 : null,
    deliveryLatencyP50Ms: outbound ? 2100 : null,
    deliveryLatencyP95Ms: outbound ? 5400 : null,
  });
  return {
    from: '2026-10-27T00:00:00Z',
    until: '2026-11-26T00:00:00Z',
    currency: 'USD',
    pricePerSegment: 0.0079,
    totals: stats(3, 8, 1),
    days: Array.from({ length: days }, (_, i) => ({
      date: new Date(Date.UTC(2026, 10, 26 - days + i)).toISOString().slice(0, 10),
      stats: i === days - 1 ? stats(3, 8, 1) : stats(0, 0, 0),
    })),
  };
}
