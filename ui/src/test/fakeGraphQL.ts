// Test helpers: a scripted fetch that records requests, and an in-memory fake of the accounts API (with the tasks
// API of ./fakeTasks and the settings and admin API of ./fakeSettings).
import type { UserErrorCode } from '../graphql/generated/graphql';
import type { AuthPayload, User } from '../graphql/operations';
import { FakeSettingsServer } from './fakeSettings';
import { FakeActivityServer } from './fakeActivity';
import { FakeIntegrationsServer } from './fakeIntegrations';
import { FakeTasksServer } from './fakeTasks';

export interface RecordedRequest {
  url: string;
  init: RequestInit;
  body: { query: string; variables: Record<string, unknown>; operationName: string };
  headers: Record<string, string>;
}

export type Responder = (request: RecordedRequest) => Response | Promise<Response>;

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

/** A fetch that answers with each responder in turn (the last one repeats) and records what it was sent. */
export function scriptedFetch(...responders: Responder[]) {
  const requests: RecordedRequest[] = [];
  const fetchImpl = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const request: RecordedRequest = {
      url: String(input),
      init,
      body: JSON.parse(String(init.body)),
      headers: { ...(init.headers as Record<string, string>) },
    };
    requests.push(request);
    const responder = responders[Math.min(requests.length - 1, responders.length - 1)]!;
    return responder(request);
  }) as typeof fetch;
  return { fetch: fetchImpl, requests };
}

export const ADA: User = {
  id: 'u-1',
  email: 'ada@example.com',
  displayName: 'Ada',
  timeZone: 'Europe/London',
  createdAt: '2026-01-01T00:00:00Z',
  role: 'USER',
  locale: 'en',
  emailVerified: true,
};

export function authPayload(token: string, expiresAt: string, user: User = ADA): AuthPayload {
  return { accessToken: token, accessTokenExpiresAt: expiresAt, user, mfaChallenge: null, userErrors: [] };
}

export function rejected(field: string | null, message: string, code: UserErrorCode = 'INVALID'): AuthPayload {
  return {
    accessToken: null,
    accessTokenExpiresAt: null,
    user: null,
    mfaChallenge: null,
    userErrors: [{ field, message, code }],
  };
}

/**
 * An in-memory accounts server: one user, a refresh "cookie" that rotates, access tokens that expire, and `me`
 * answering 401 for an unknown or expired token — enough to drive the Session through its paths.
 */
export class FakeAccountsServer {
  user: User = ADA;
  password = 'correct-horse-battery-42';
  cookie: string | null = null;
  validTokens = new Set<string>();
  /** Two-step sign-in: login answers a challenge, and verifyMfa takes it with this code. */
  mfaCode: string | null = null;
  challenges = new Set<string>();
  tokenTtlMs = 15 * 60_000;
  offline = false;
  counter = 0;
  calls: string[] = [];
  /** The inputs of every register call, as sent. */
  registrations: Record<string, string>[] = [];
  now: () => number;
  /** Answers the tasks operations (Today, ParseCapture, CaptureTask, ...). */
  tasks = new FakeTasksServer();
  /** Answers the settings and admin operations (Preferences, UpdatePreferences, Scheduler, ...). */
  settings = new FakeSettingsServer(this);
  /** Answers the insights, focus-session and notifications operations. */
  activity = new FakeActivityServer();
  /** Answers the integrations operations (Integrations, ConnectIntegration, SyncNow, DisconnectIntegration). */
  integrations = new FakeIntegrationsServer(this.tasks);

  constructor(now: () => number = () => Date.now()) {
    this.now = now;
  }

  readonly fetch = (async (_input: RequestInfo | URL, init: RequestInit = {}) => {
    const body = JSON.parse(String(init.body)) as RecordedRequest['body'];
    const headers = (init.headers ?? {}) as Record<string, string>;
    this.calls.push(body.operationName);
    if (this.offline) throw new TypeError('Failed to fetch');
    const input = (body.variables.input ?? {}) as Record<string, string>;
    switch (body.operationName) {
      case 'Login':
        if (input.email !== this.user.email || input.password !== this.password) {
          return json({ data: { login: rejected(null, 'That email and password don’t match.', 'INVALID_CREDENTIALS') } });
        }
        if (this.mfaCode) {
          const challenge = `challenge-${++this.counter}`;
          this.challenges.add(challenge);
          return json({ data: { login: { ...rejected(null, '', 'INVALID'), userErrors: [], mfaChallenge: challenge } } });
        }
        return json({ data: { login: this.issue() } });
      case 'VerifyMfa':
        if (!this.challenges.has(input.challenge!)) {
          return json({ data: { verifyMfa: rejected('challenge', 'This sign-in has expired. Please sign in again with your password.', 'NOT_AUTHENTICATED') } });
        }
        if (input.code !== this.mfaCode) {
          return json({ data: { verifyMfa: rejected('code', 'That code didn’t work.', 'INVALID_CREDENTIALS') } });
        }
        this.challenges.delete(input.challenge!);
        return json({ data: { verifyMfa: this.issue() } });
      case 'Register':
        this.registrations.push(input);
        // As the real server: the same answer for a taken address, whose account stays as it was.
        if (input.email !== this.user.email) {
          this.user = { ...this.user, email: input.email!, locale: input.locale ?? 'en' };
          this.password = input.password!;
        }
        return json({ data: { register: { userErrors: [] } } });
      case 'RefreshSession':
        if (!this.cookie) {
          return json({ data: { refreshSession: rejected(null, 'Please sign in.', 'NOT_AUTHENTICATED') } });
        }
        return json({ data: { refreshSession: this.issue() } });
      case 'Logout':
        this.cookie = null;
        return json({ data: { logout: { userErrors: [] } } });
      case 'Me': {
        const token = headers.Authorization?.replace(/^Bearer /, '');
        if (!token || !this.validTokens.has(token)) return json({ errors: [{ message: 'Unauthorized' }] }, 401);
        return json({ data: { me: this.user } });
      }
      default: {
        const answer =
          this.tasks.handle(body.operationName, body.variables) ??
          this.settings.handle(body.operationName, body.variables) ??
          this.activity.handle(body.operationName, body.variables) ??
          this.integrations.handle(body.operationName, body.variables);
        if (answer) return answer;
        return json({ errors: [{ message: `Unknown operation ${body.operationName}` }] });
      }
    }
  }) as typeof fetch;

  /** Invalidates every access token, as when they expire. */
  expireTokens(): void {
    this.validTokens.clear();
  }

  private issue(): AuthPayload {
    this.counter += 1;
    const token = `token-${this.counter}`;
    this.validTokens.add(token);
    this.cookie = `cookie-${this.counter}`;
    return authPayload(token, new Date(this.now() + this.tokenTtlMs).toISOString(), this.user);
  }
}
