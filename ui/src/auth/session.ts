// The signed-in state of this tab. The access token lives only in memory (never in storage); the refresh token is an
// httpOnly cookie the browser sends to /graphql, so `refreshSession` restores a session after a reload.

import type { GraphQLClient, GraphQLFailure, TokenRefresh } from '../graphql/client';
import type { LoginInput, RegisterInput, VerifyMfaInput } from '../graphql/generated/graphql';
import { i18n } from '../i18n';
import {
  LOGIN,
  LOGOUT,
  ME,
  REFRESH_SESSION,
  REGISTER,
  VERIFY_MFA,
  type AuthPayload,
  type User,
  type UserError,
} from '../graphql/operations';

export type SessionState =
  | { status: 'restoring' }
  /** The server could not be reached (or failed) while restoring the session: offer to try again. */
  | { status: 'unreachable' }
  /** `farewell`: the account was just deleted here (the sign-in page says goodbye). */
  | { status: 'signedOut'; farewell?: 'accountDeleted' }
  /** `justRegistered`: the account was created in this tab just now (Today welcomes them and asks to confirm the address). */
  | { status: 'signedIn'; user: User; justRegistered?: boolean };

export type AuthOutcome =
  | { kind: 'success'; user: User }
  /** The password was right and two-step sign-in is on: {@link Session.verifyMfa} finishes with a code. */
  | { kind: 'mfa'; challenge: string }
  | { kind: 'rejected'; userErrors: UserError[] }
  | { kind: 'network' }
  | { kind: 'error' };

export type LogoutOutcome = { kind: 'success' } | { kind: 'network' } | { kind: 'error' };

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Runs fn exclusively across this browser's tabs (Web Locks), so two tabs never present the same refresh cookie. */
export type ExclusiveLock = <T>(fn: () => Promise<T>) => Promise<T>;

export interface SessionOptions {
  client: GraphQLClient;
  now?: () => number;
  timers?: Timers;
  lock?: ExclusiveLock;
  /** Refresh this long before the access token expires. */
  refreshLeadMs?: number;
  /** After a scheduled refresh failed for lack of network, try again after this long. */
  retryDelayMs?: number;
  /** Told when this tab signs out, so other tabs can follow. */
  onSignedOut?: () => void;
}

type Listener = (state: SessionState) => void;

const MAX_TIMER_MS = 2_147_483_647;

/** The answer to a sign-up whose address has an account already, in the current language. */
function addressInUse(): UserError {
  return { field: 'email', code: 'ALREADY_EXISTS', message: i18n.t('signUp.addressInUse') };
}

export class Session {
  private state: SessionState = { status: 'restoring' };
  private accessToken: string | null = null;
  private expiresAt: number | null = null;
  private readonly listeners = new Set<Listener>();
  private inflightRefresh: Promise<TokenRefresh> | null = null;
  private inflightStart: Promise<void> | null = null;
  private refreshTimer: unknown = null;
  /** Bumped whenever the session identity changes, so a late answer for an older session is ignored. */
  private generation = 0;

  /** The GraphQL client this session authenticates: features send their requests through it. */
  readonly client: GraphQLClient;
  private readonly now: () => number;
  private readonly timers: Timers;
  private readonly lock: ExclusiveLock;
  private readonly refreshLeadMs: number;
  private readonly retryDelayMs: number;
  private readonly onSignedOut: (() => void) | undefined;

  constructor(options: SessionOptions) {
    this.client = options.client;
    this.now = options.now ?? (() => Date.now());
    this.timers = options.timers ?? {
      setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
      clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
    };
    this.lock = options.lock ?? ((fn) => fn());
    this.refreshLeadMs = options.refreshLeadMs ?? 60_000;
    this.retryDelayMs = options.retryDelayMs ?? 30_000;
    this.onSignedOut = options.onSignedOut;
    this.client.setAuth({
      getAccessToken: () => this.accessToken,
      refreshAccessToken: () => this.refresh(),
    });
  }

  getState(): SessionState {
    return this.state;
  }

  getAccessToken(): string | null {
    return this.accessToken;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Restores the session from the refresh cookie. Idempotent while running (React StrictMode mounts twice). */
  start(): Promise<void> {
    if (this.inflightStart) return this.inflightStart;
    this.setState({ status: 'restoring' });
    this.inflightStart = this.refresh()
      .then((result) => {
        if (result.ok) return;
        if (this.state.status === 'signedIn') return;
        // No answer, or a broken one: the person may well have a session, so don't show sign-in; offer a retry.
        if (result.reason === 'signed-out') this.setState({ status: 'signedOut' });
        else this.setState({ status: 'unreachable' });
      })
      .finally(() => {
        this.inflightStart = null;
      });
    return this.inflightStart;
  }

  /**
   * Signs up, then in. The server answers a sign-up the same way whether or not the address already has an account
   * (it mails the address's owner instead, so sign-up tells nobody who has an account), which is why a sign-in that
   * fails right after means the address was someone's already.
   */
  async register(input: RegisterInput): Promise<AuthOutcome> {
    const result = await this.client.request(REGISTER, { input }, { authenticated: false, retryOnUnauthorized: false });
    if (result.kind !== 'ok') return failureOutcome(result);
    const { userErrors } = result.data.register;
    if (userErrors.length > 0) return { kind: 'rejected', userErrors };
    const signedIn = await this.login({ email: input.email, password: input.password }, { justRegistered: true });
    if (signedIn.kind === 'rejected' && signedIn.userErrors.some((e) => e.code === 'INVALID_CREDENTIALS')) {
      return { kind: 'rejected', userErrors: [addressInUse()] };
    }
    return signedIn;
  }

  /** `justRegistered`: signing in right after creating the account (Today welcomes them). */
  async login(input: LoginInput, opts: { justRegistered?: boolean } = {}): Promise<AuthOutcome> {
    const result = await this.client.request(LOGIN, { input }, { authenticated: false, retryOnUnauthorized: false });
    if (result.kind !== 'ok') return failureOutcome(result);
    return this.acceptAuthPayload(result.data.login, opts);
  }

  /** The second step of a sign-in that {@link login} answered with a challenge: a code from the app or a backup code. */
  async verifyMfa(input: VerifyMfaInput): Promise<AuthOutcome> {
    const result = await this.client.request(VERIFY_MFA, { input }, { authenticated: false, retryOnUnauthorized: false });
    if (result.kind !== 'ok') return failureOutcome(result);
    return this.acceptAuthPayload(result.data.verifyMfa);
  }

  /**
   * Ends the session on the server, then here. When the server cannot be reached the person stays signed in and is
   * told so: signing out only locally would leave the cookie, and a reload would sign them back in.
   */
  async logout(): Promise<LogoutOutcome> {
    const result = await this.client.request(LOGOUT, {});
    if (result.kind === 'network') return { kind: 'network' };
    if (result.kind === 'graphql' || result.kind === 'http') return { kind: 'error' };
    // ok (with or without userErrors such as NOT_AUTHENTICATED) or unauthenticated: the session is over either way.
    this.signOutLocally();
    return { kind: 'success' };
  }

  /** Re-reads the signed-in person (e.g. a name changed elsewhere). Quietly keeps what we have on failure. */
  async reloadUser(): Promise<void> {
    if (this.state.status !== 'signedIn') return;
    const generation = this.generation;
    const result = await this.client.request(ME, {});
    if (generation !== this.generation) return;
    if (result.kind === 'unauthenticated') {
      this.signOutLocally();
      return;
    }
    if (result.kind !== 'ok') return;
    const me = result.data.me;
    if (me) {
      this.setState({ status: 'signedIn', user: me });
      return;
    }
    // `me` is null when the token was not accepted without a 401: try a refresh once.
    const refreshed = await this.refresh();
    if (!refreshed.ok && refreshed.reason === 'signed-out') this.signOutLocally();
  }

  /** Exchanges the refresh cookie for a new access token. Concurrent callers share one request. */
  refresh(): Promise<TokenRefresh> {
    if (!this.inflightRefresh) {
      this.inflightRefresh = this.lock(() => this.doRefresh()).finally(() => {
        this.inflightRefresh = null;
      });
    }
    return this.inflightRefresh;
  }

  /** Refreshes now if the token is due (e.g. the tab wakes up after the computer slept through the timer). */
  refreshIfDue(): void {
    if (this.state.status !== 'signedIn' || this.expiresAt === null) return;
    if (this.expiresAt - this.now() <= this.refreshLeadMs) void this.refresh();
  }

  /**
   * Forgets the session here without calling the server (e.g. another tab signed out: `notify` false; the account was
   * deleted: `farewell`).
   */
  signOutLocally(notify = true, farewell?: 'accountDeleted'): void {
    const wasSignedIn = this.state.status === 'signedIn';
    this.clearToken();
    this.generation++;
    this.setState(farewell ? { status: 'signedOut', farewell } : { status: 'signedOut' });
    if (wasSignedIn && notify) this.onSignedOut?.();
  }

  dispose(): void {
    this.cancelTimer();
    this.listeners.clear();
    this.client.setAuth(null);
  }

  private async doRefresh(): Promise<TokenRefresh> {
    const generation = this.generation;
    const result = await this.client.request(REFRESH_SESSION, {}, { authenticated: false, retryOnUnauthorized: false });
    if (generation !== this.generation) {
      // Signed in or out meanwhile: this answer is about an older session.
      return this.accessToken ? { ok: true, accessToken: this.accessToken } : { ok: false, reason: 'signed-out' };
    }
    if (result.kind === 'network') {
      if (this.state.status === 'signedIn') this.scheduleRefresh(this.retryDelayMs);
      return { ok: false, reason: 'network' };
    }
    if (result.kind === 'unauthenticated') {
      this.endSessionIfAny();
      return { ok: false, reason: 'signed-out' };
    }
    if (result.kind !== 'ok') {
      if (this.state.status === 'signedIn') this.scheduleRefresh(this.retryDelayMs);
      return { ok: false, reason: 'error' };
    }
    const outcome = this.acceptAuthPayload(result.data.refreshSession, { keepGeneration: true });
    if (outcome.kind === 'success' && this.accessToken) return { ok: true, accessToken: this.accessToken };
    this.endSessionIfAny();
    return { ok: false, reason: 'signed-out' };
  }

  private acceptAuthPayload(payload: AuthPayload, opts: { keepGeneration?: boolean; justRegistered?: boolean } = {}): AuthOutcome {
    if (payload.userErrors.length > 0) return { kind: 'rejected', userErrors: payload.userErrors };
    if (payload.mfaChallenge && !payload.accessToken) return { kind: 'mfa', challenge: payload.mfaChallenge };
    if (!payload.accessToken || !payload.user) return { kind: 'error' };
    if (!opts.keepGeneration) this.generation++;
    this.accessToken = payload.accessToken;
    const expires = payload.accessTokenExpiresAt ? Date.parse(payload.accessTokenExpiresAt) : NaN;
    this.expiresAt = Number.isFinite(expires) ? expires : null;
    this.setState(opts.justRegistered ? { status: 'signedIn', user: payload.user, justRegistered: true } : { status: 'signedIn', user: payload.user });
    if (this.expiresAt !== null) {
      this.scheduleRefresh(refreshDelay(this.expiresAt - this.now(), this.refreshLeadMs));
    } else {
      this.cancelTimer();
    }
    return { kind: 'success', user: payload.user };
  }

  private endSessionIfAny(): void {
    if (this.state.status === 'signedIn') this.signOutLocally();
    else this.clearToken();
  }

  private clearToken(): void {
    this.accessToken = null;
    this.expiresAt = null;
    this.cancelTimer();
  }

  private scheduleRefresh(delayMs: number): void {
    this.cancelTimer();
    this.refreshTimer = this.timers.setTimeout(() => {
      this.refreshTimer = null;
      void this.refresh();
    }, Math.min(Math.max(0, delayMs), MAX_TIMER_MS));
  }

  private cancelTimer(): void {
    if (this.refreshTimer !== null) {
      this.timers.clearTimeout(this.refreshTimer);
      this.refreshTimer = null;
    }
  }

  private setState(state: SessionState): void {
    this.state = state;
    for (const listener of [...this.listeners]) listener(state);
  }
}

/** When to refresh a token that expires in `remainingMs`: `leadMs` before, or halfway when that is already past. */
export function refreshDelay(remainingMs: number, leadMs: number): number {
  if (remainingMs > leadMs * 2) return remainingMs - leadMs;
  return Math.max(1_000, Math.floor(remainingMs / 2));
}

function failureOutcome(result: GraphQLFailure): AuthOutcome {
  return result.kind === 'network' ? { kind: 'network' } : { kind: 'error' };
}

/** Web Locks when the browser has them; otherwise no cross-tab exclusion (single-flight within the tab remains). */
export function browserLock(name: string): ExclusiveLock {
  return <T,>(fn: () => Promise<T>): Promise<T> => {
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    if (!locks?.request) return fn();
    return locks.request(name, { mode: 'exclusive' }, () => fn()) as Promise<T>;
  };
}
