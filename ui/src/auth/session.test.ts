import { beforeEach, describe, expect, it, vi } from 'vitest';
import { GraphQLClient } from '../graphql/client';
import { ME } from '../graphql/operations';
import { FakeAccountsServer } from '../test/fakeGraphQL';
import { refreshDelay, Session, type SessionState, type Timers } from './session';

/** Timers we fire by hand: lets tests check *when* a refresh is scheduled. */
class ManualTimers implements Timers {
  pending = new Map<number, { fn: () => void; ms: number }>();
  private next = 1;
  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.next++;
    this.pending.set(id, { fn, ms });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }
  delays(): number[] {
    return [...this.pending.values()].map((t) => t.ms);
  }
  fireAll(): void {
    const due = [...this.pending.values()];
    this.pending.clear();
    for (const t of due) t.fn();
  }
}

const NOW = Date.parse('2026-11-25T14:00:00Z');

function setup() {
  const server = new FakeAccountsServer(() => NOW);
  const client = new GraphQLClient({ fetch: server.fetch });
  const timers = new ManualTimers();
  const onSignedOut = vi.fn();
  const session = new Session({ client, timers, now: () => NOW, refreshLeadMs: 60_000, retryDelayMs: 30_000, onSignedOut });
  const states: SessionState['status'][] = [];
  session.subscribe((s) => states.push(s.status));
  return { server, client, timers, session, states, onSignedOut };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('Session start-up (restoring after a reload)', () => {
  let env: ReturnType<typeof setup>;
  beforeEach(() => {
    env = setup();
  });

  it('restores the session from the refresh cookie', async () => {
    env.server.cookie = 'cookie-0';
    await env.session.start();
    expect(env.session.getState()).toEqual({ status: 'signedIn', user: env.server.user });
    expect(env.session.getAccessToken()).toBe('token-1');
    expect(env.server.calls).toEqual(['RefreshSession']);
  });

  it('is signed out without a cookie', async () => {
    await env.session.start();
    expect(env.session.getState().status).toBe('signedOut');
    expect(env.session.getAccessToken()).toBeNull();
  });

  it('says the server is unreachable on a network failure (rather than asking to sign in)', async () => {
    env.server.offline = true;
    await env.session.start();
    expect(env.session.getState().status).toBe('unreachable');
  });

  it('sends one refreshSession even when started twice at once (StrictMode), so the cookie is not reused', async () => {
    env.server.cookie = 'cookie-0';
    await Promise.all([env.session.start(), env.session.start()]);
    expect(env.server.calls).toEqual(['RefreshSession']);
  });
});

describe('Session sign-in, refresh and sign-out', () => {
  let env: ReturnType<typeof setup>;
  beforeEach(async () => {
    env = setup();
    await env.session.start();
  });

  it('signs in, keeps the token in memory and schedules a refresh a minute before expiry', async () => {
    const outcome = await env.session.login({ email: 'ada@example.com', password: 'correct-horse-battery-42' });
    expect(outcome).toEqual({ kind: 'success', user: env.server.user });
    expect(env.session.getState().status).toBe('signedIn');
    expect(env.session.getAccessToken()).toBe('token-1');
    expect(env.timers.delays()).toEqual([15 * 60_000 - 60_000]);
  });

  it('returns userErrors on refused credentials and stays signed out', async () => {
    const outcome = await env.session.login({ email: 'ada@example.com', password: 'nope-nope-nope' });
    expect(outcome).toEqual({
      kind: 'rejected',
      userErrors: [{ field: null, message: 'That email and password don’t match.', code: 'INVALID_CREDENTIALS' }],
    });
    expect(env.session.getState().status).toBe('signedOut');
    expect(env.session.getAccessToken()).toBeNull();
  });

  it('answers a challenge when two-step sign-in is on, and signs in once verifyMfa takes a code', async () => {
    env.server.mfaCode = '654321';
    const outcome = await env.session.login({ email: 'ada@example.com', password: 'correct-horse-battery-42' });
    expect(outcome.kind).toBe('mfa');
    expect(env.session.getState().status).toBe('signedOut');
    const challenge = outcome.kind === 'mfa' ? outcome.challenge : '';
    expect((await env.session.verifyMfa({ challenge, code: '000000' })).kind).toBe('rejected');
    expect(await env.session.verifyMfa({ challenge, code: '654321' })).toEqual({ kind: 'success', user: env.server.user });
    expect(env.session.getState().status).toBe('signedIn');
    expect(env.session.getAccessToken()).toBeTruthy();
  });

  it('reports a network failure on sign-in as such', async () => {
    env.server.offline = true;
    expect(await env.session.login({ email: 'ada@example.com', password: 'x' })).toEqual({ kind: 'network' });
  });

  it('registers, then signs in', async () => {
    const outcome = await env.session.register({
      email: 'grace@example.com',
      password: 'another-fine-password-7',
      displayName: 'Grace',
      timeZone: 'Europe/London',
    });
    expect(outcome.kind).toBe('success');
    expect(env.session.getState().status).toBe('signedIn');
    expect(env.server.calls.slice(-2)).toEqual(['Register', 'Login']);
  });

  it('says the address may have an account when signing in after a sign-up fails', async () => {
    const outcome = await env.session.register({
      email: 'ada@example.com',
      password: 'not-adas-password-at-all',
      displayName: 'Eve',
      timeZone: 'Europe/London',
    });
    expect(outcome).toEqual({
      kind: 'rejected',
      userErrors: [expect.objectContaining({ field: 'email', code: 'ALREADY_EXISTS' })],
    });
    expect(env.session.getState().status).not.toBe('signedIn');
  });

  it('refreshes when the scheduled time comes, and schedules the next one', async () => {
    await env.session.login({ email: 'ada@example.com', password: 'correct-horse-battery-42' });
    env.timers.fireAll();
    await flush();
    expect(env.server.calls.at(-1)).toBe('RefreshSession');
    expect(env.session.getAccessToken()).toBe('token-2');
    expect(env.timers.delays()).toEqual([14 * 60_000]);
  });

  it('retries a scheduled refresh later when offline, staying signed in', async () => {
    await env.session.login({ email: 'ada@example.com', password: 'correct-horse-battery-42' });
    env.server.offline = true;
    env.timers.fireAll();
    await flush();
    expect(env.session.getState().status).toBe('signedIn');
    expect(env.timers.delays()).toEqual([30_000]);
  });

  it('shares one request between concurrent refreshes', async () => {
    await env.session.login({ email: 'ada@example.com', password: 'correct-horse-battery-42' });
    const [a, b] = await Promise.all([env.session.refresh(), env.session.refresh()]);
    expect(a).toEqual({ ok: true, accessToken: 'token-2' });
    expect(b).toEqual(a);
    expect(env.server.calls.filter((c) => c === 'RefreshSession')).toHaveLength(2); // start() + one
  });

  it('on a 401, refreshes and retries the request with the new token', async () => {
    await env.session.login({ email: 'ada@example.com', password: 'correct-horse-battery-42' });
    env.server.expireTokens();
    const result = await env.client.request(ME, {});
    expect(result.kind).toBe('ok');
    expect(env.server.calls.slice(-3)).toEqual(['Me', 'RefreshSession', 'Me']);
    expect(env.session.getAccessToken()).toBe('token-2');
  });

  it('signs out when the refresh cookie is no longer accepted', async () => {
    await env.session.login({ email: 'ada@example.com', password: 'correct-horse-battery-42' });
    env.server.expireTokens();
    env.server.cookie = null;
    const result = await env.client.request(ME, {});
    expect(result).toEqual({ kind: 'unauthenticated' });
    expect(env.session.getState().status).toBe('signedOut');
    expect(env.session.getAccessToken()).toBeNull();
    expect(env.timers.delays()).toEqual([]);
    expect(env.onSignedOut).toHaveBeenCalledTimes(1);
  });

  it('reloadUser picks up the latest profile', async () => {
    await env.session.login({ email: 'ada@example.com', password: 'correct-horse-battery-42' });
    env.server.user = { ...env.server.user, displayName: 'Ada L.' };
    await env.session.reloadUser();
    const state = env.session.getState();
    expect(state.status === 'signedIn' && state.user.displayName).toBe('Ada L.');
  });

  it('logs out on the server and here, and tells other tabs', async () => {
    await env.session.login({ email: 'ada@example.com', password: 'correct-horse-battery-42' });
    expect(await env.session.logout()).toEqual({ kind: 'success' });
    expect(env.server.calls.at(-1)).toBe('Logout');
    expect(env.server.cookie).toBeNull();
    expect(env.session.getState().status).toBe('signedOut');
    expect(env.session.getAccessToken()).toBeNull();
    expect(env.timers.delays()).toEqual([]);
    expect(env.onSignedOut).toHaveBeenCalledTimes(1);
  });

  it('stays signed in when sign-out cannot reach the server (a reload would otherwise sign back in)', async () => {
    await env.session.login({ email: 'ada@example.com', password: 'correct-horse-battery-42' });
    env.server.offline = true;
    expect(await env.session.logout()).toEqual({ kind: 'network' });
    expect(env.session.getState().status).toBe('signedIn');
  });

  it('follows another tab signing out without notifying back', async () => {
    await env.session.login({ email: 'ada@example.com', password: 'correct-horse-battery-42' });
    env.session.signOutLocally(false);
    expect(env.session.getState().status).toBe('signedOut');
    expect(env.onSignedOut).not.toHaveBeenCalled();
  });
});

describe('refreshDelay', () => {
  it('refreshes a minute before a 15-minute token expires', () => {
    expect(refreshDelay(15 * 60_000, 60_000)).toBe(14 * 60_000);
  });
  it('refreshes halfway through a token shorter than twice the lead', () => {
    expect(refreshDelay(90_000, 60_000)).toBe(45_000);
  });
  it('never schedules in the past', () => {
    expect(refreshDelay(-5_000, 60_000)).toBe(1_000);
  });
});
