import { describe, expect, it, vi } from 'vitest';
import { GraphQLClient, type AuthHooks, type TokenRefresh } from './client';
import { LOGIN, ME } from './operations';
import { ADA, json, rejected, scriptedFetch } from '../test/fakeGraphQL';

function hooks(token: string | null, refresh: TokenRefresh | (() => Promise<TokenRefresh>)) {
  const refreshAccessToken = vi.fn(typeof refresh === 'function' ? refresh : async () => refresh);
  const auth: AuthHooks = { getAccessToken: () => token, refreshAccessToken };
  return { auth, refreshAccessToken };
}

describe('GraphQLClient', () => {
  it('POSTs JSON {query, variables, operationName} to /graphql, same-origin, with the Bearer token', async () => {
    const server = scriptedFetch(() => json({ data: { me: ADA } }));
    const client = new GraphQLClient({ fetch: server.fetch });
    client.setAuth(hooks('abc', { ok: false, reason: 'signed-out' }).auth);

    const result = await client.request(ME, {});

    expect(result).toEqual({ kind: 'ok', data: { me: ADA } });
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request!.url).toBe('/graphql');
    expect(request!.init.method).toBe('POST');
    expect(request!.init.credentials).toBe('same-origin');
    expect(request!.headers['Content-Type']).toBe('application/json');
    expect(request!.headers.Authorization).toBe('Bearer abc');
    expect(request!.body).toEqual({ query: ME.toString(), variables: {}, operationName: 'Me' });
  });

  it('sends no Authorization header for unauthenticated operations or without a token', async () => {
    const server = scriptedFetch(() => json({ data: { me: null } }));
    const client = new GraphQLClient({ fetch: server.fetch });
    client.setAuth(hooks('abc', { ok: false, reason: 'signed-out' }).auth);
    await client.request(ME, {}, { authenticated: false });
    client.setAuth(hooks(null, { ok: false, reason: 'signed-out' }).auth);
    await client.request(ME, {});
    expect(server.requests.map((r) => r.headers.Authorization)).toEqual([undefined, undefined]);
  });

  it('on HTTP 401 refreshes once and retries with the new token', async () => {
    const server = scriptedFetch(
      () => json({ errors: [{ message: 'expired' }] }, 401),
      () => json({ data: { me: ADA } }),
    );
    const client = new GraphQLClient({ fetch: server.fetch });
    const { auth, refreshAccessToken } = hooks('old', { ok: true, accessToken: 'new' });
    client.setAuth(auth);

    const result = await client.request(ME, {});

    expect(result).toEqual({ kind: 'ok', data: { me: ADA } });
    expect(refreshAccessToken).toHaveBeenCalledTimes(1);
    expect(server.requests.map((r) => r.headers.Authorization)).toEqual(['Bearer old', 'Bearer new']);
  });

  it('retries only once: a second 401 means unauthenticated', async () => {
    const server = scriptedFetch(() => new Response('', { status: 401 }));
    const client = new GraphQLClient({ fetch: server.fetch });
    const { auth, refreshAccessToken } = hooks('old', { ok: true, accessToken: 'new' });
    client.setAuth(auth);

    expect(await client.request(ME, {})).toEqual({ kind: 'unauthenticated' });
    expect(refreshAccessToken).toHaveBeenCalledTimes(1);
    expect(server.requests).toHaveLength(2);
  });

  it('does not retry when the refresh says the session is over', async () => {
    const server = scriptedFetch(() => new Response('', { status: 401 }));
    const client = new GraphQLClient({ fetch: server.fetch });
    client.setAuth(hooks('old', { ok: false, reason: 'signed-out' }).auth);

    expect(await client.request(ME, {})).toEqual({ kind: 'unauthenticated' });
    expect(server.requests).toHaveLength(1);
  });

  it('reports a refresh that could not reach the server as a network failure', async () => {
    const server = scriptedFetch(() => new Response('', { status: 401 }));
    const client = new GraphQLClient({ fetch: server.fetch });
    client.setAuth(hooks('old', { ok: false, reason: 'network' }).auth);

    expect((await client.request(ME, {})).kind).toBe('network');
  });

  it('does not refresh when retryOnUnauthorized is false (refreshSession itself)', async () => {
    const server = scriptedFetch(() => new Response('', { status: 401 }));
    const client = new GraphQLClient({ fetch: server.fetch });
    const { auth, refreshAccessToken } = hooks('old', { ok: true, accessToken: 'new' });
    client.setAuth(auth);

    expect(await client.request(ME, {}, { retryOnUnauthorized: false })).toEqual({ kind: 'unauthenticated' });
    expect(refreshAccessToken).not.toHaveBeenCalled();
  });

  it('treats a GraphQL error with extensions.code UNAUTHENTICATED like a 401', async () => {
    const server = scriptedFetch(
      () => json({ errors: [{ message: 'no', extensions: { code: 'UNAUTHENTICATED' } }] }),
      () => json({ data: { me: ADA } }),
    );
    const client = new GraphQLClient({ fetch: server.fetch });
    const { auth, refreshAccessToken } = hooks('old', { ok: true, accessToken: 'new' });
    client.setAuth(auth);

    expect(await client.request(ME, {})).toEqual({ kind: 'ok', data: { me: ADA } });
    expect(refreshAccessToken).toHaveBeenCalledTimes(1);
  });

  it('surfaces userErrors as data: they are business answers, not failures', async () => {
    const payload = rejected('password', 'Use at least 8 characters.', 'TOO_SHORT');
    const server = scriptedFetch(() => json({ data: { login: payload } }));
    const client = new GraphQLClient({ fetch: server.fetch });

    const result = await client.request(LOGIN, { input: { email: 'a@b.co', password: 'x' } }, { authenticated: false });

    expect(result).toEqual({ kind: 'ok', data: { login: payload } });
    expect(server.requests[0]!.body.variables).toEqual({ input: { email: 'a@b.co', password: 'x' } });
  });

  it('reports top-level GraphQL errors as kind "graphql"', async () => {
    const server = scriptedFetch(() => json({ errors: [{ message: 'Validation error' }], data: null }));
    const client = new GraphQLClient({ fetch: server.fetch });
    expect(await client.request(ME, {})).toEqual({
      kind: 'graphql',
      errors: [{ message: 'Validation error' }],
      status: 200,
    });
  });

  it('reports a non-JSON answer (e.g. a proxy 502 page) as kind "http"', async () => {
    const server = scriptedFetch(() => new Response('<html>Bad gateway</html>', { status: 502 }));
    const client = new GraphQLClient({ fetch: server.fetch });
    expect(await client.request(ME, {})).toEqual({ kind: 'http', status: 502 });
  });

  it('reports a fetch that throws as a network failure', async () => {
    const client = new GraphQLClient({
      fetch: (async () => {
        throw new TypeError('Failed to fetch');
      }) as typeof fetch,
    });
    const result = await client.request(ME, {});
    expect(result.kind).toBe('network');
  });

  it('gives up on a request with no answer after the timeout, as a network failure', async () => {
    const hanging = ((_input: RequestInfo | URL, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')));
      })) as typeof fetch;
    const client = new GraphQLClient({ fetch: hanging, timeoutMs: 20 });
    expect((await client.request(ME, {})).kind).toBe('network');
  });
});
