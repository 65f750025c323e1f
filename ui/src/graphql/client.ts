// A small GraphQL-over-HTTP client: POST /graphql with a JSON body, the access token as a Bearer header,
// and one transparent "refresh the session, then retry" when the server answers HTTP 401.

import type { TypedDocumentString } from './generated/graphql';

/**
 * A document made by `graphql()` (see codegen.ts): its text, its operation name in `__meta__`, and the types of its
 * result and variables as generated from the schema.
 */
export type Operation<TData, TVariables> = TypedDocumentString<TData, TVariables>;

export interface GraphQLErrorItem {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: Record<string, unknown>;
}

/**
 * What a request ended as. The UI maps each kind to one calm message:
 * - `ok`: data arrived (business errors are inside it, as `userErrors`);
 * - `graphql`: the server answered with top-level `errors` (a bug or an outage: "Something went wrong");
 * - `http`: a non-GraphQL answer, e.g. a 502 from a proxy (also "Something went wrong");
 * - `network`: the request never got an answer (offline, timeout): "Check your connection and try again";
 * - `unauthenticated`: still 401 after a refresh, or the session could not be refreshed: sign in again.
 */
export type GraphQLResult<T> =
  | { kind: 'ok'; data: T }
  | { kind: 'graphql'; errors: GraphQLErrorItem[]; status: number }
  | { kind: 'http'; status: number }
  | { kind: 'network'; cause: unknown }
  | { kind: 'unauthenticated' };

export type GraphQLFailure = Exclude<GraphQLResult<unknown>, { kind: 'ok' }>;

/** The result of asking the session for a new access token. */
export type TokenRefresh =
  | { ok: true; accessToken: string }
  | { ok: false; reason: 'signed-out' | 'network' | 'error' };

export interface AuthHooks {
  getAccessToken(): string | null;
  /** Refreshes the session (single-flight); called at most once per request, after an HTTP 401. */
  refreshAccessToken(): Promise<TokenRefresh>;
}

export interface RequestOptions {
  /** Send the Bearer token (default true). */
  authenticated?: boolean;
  /** On HTTP 401, refresh once and retry (default true; false for refreshSession itself). */
  retryOnUnauthorized?: boolean;
}

export interface ClientOptions {
  endpoint?: string;
  fetch?: typeof fetch;
  /** Abort a request that has no answer after this long, and report it as a network failure. */
  timeoutMs?: number;
}

type Attempt<T> = GraphQLResult<T> | { kind: 'unauthorized' };

const UNAUTHENTICATED_CODES = new Set(['UNAUTHENTICATED', 'UNAUTHORIZED', 'NOT_AUTHENTICATED']);

export class GraphQLClient {
  private readonly endpoint: string;
  private readonly fetchImpl: typeof fetch;
  private readonly timeoutMs: number;
  private auth: AuthHooks | null = null;

  constructor(options: ClientOptions = {}) {
    this.endpoint = options.endpoint ?? '/graphql';
    // Bound to globalThis: calling a detached window.fetch throws "Illegal invocation".
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.timeoutMs = options.timeoutMs ?? 20_000;
  }

  setAuth(auth: AuthHooks | null): void {
    this.auth = auth;
  }

  async request<TData, TVariables>(
    operation: Operation<TData, TVariables>,
    variables?: TVariables,
    options: RequestOptions = {},
  ): Promise<GraphQLResult<TData>> {
    const authenticated = options.authenticated ?? true;
    const retryOnUnauthorized = options.retryOnUnauthorized ?? true;
    const token = authenticated ? (this.auth?.getAccessToken() ?? null) : null;

    const first = await this.attempt(operation, variables, token);
    if (first.kind !== 'unauthorized') return first;
    if (!retryOnUnauthorized || !this.auth) return { kind: 'unauthenticated' };

    const refreshed = await this.auth.refreshAccessToken();
    if (!refreshed.ok) {
      if (refreshed.reason === 'network') return { kind: 'network', cause: 'refresh failed' };
      return { kind: 'unauthenticated' };
    }
    const second = await this.attempt(operation, variables, authenticated ? refreshed.accessToken : null);
    return second.kind === 'unauthorized' ? { kind: 'unauthenticated' } : second;
  }

  private async attempt<TData, TVariables>(
    operation: Operation<TData, TVariables>,
    variables: TVariables | undefined,
    token: string | null,
  ): Promise<Attempt<TData>> {
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      Accept: 'application/json',
    };
    if (token) headers.Authorization = `Bearer ${token}`;

    const controller = typeof AbortController === 'function' ? new AbortController() : null;
    const timer = controller ? setTimeout(() => controller.abort(), this.timeoutMs) : null;
    let response: Response;
    let text: string;
    try {
      response = await this.fetchImpl(this.endpoint, {
        method: 'POST',
        headers,
        credentials: 'same-origin',
        body: JSON.stringify({
          query: operation.toString(),
          variables: variables ?? {},
          operationName: operation.__meta__?.operationName,
        }),
        signal: controller?.signal,
      });
      text = await response.text();
    } catch (cause) {
      return { kind: 'network', cause };
    } finally {
      if (timer !== null) clearTimeout(timer);
    }

    if (response.status === 401) return { kind: 'unauthorized' };

    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    if (!isObject(body)) {
      return { kind: 'http', status: response.status };
    }

    const errors = Array.isArray(body.errors) ? (body.errors as GraphQLErrorItem[]) : [];
    if (errors.length > 0) {
      if (errors.some(isUnauthenticatedError)) return { kind: 'unauthorized' };
      return { kind: 'graphql', errors, status: response.status };
    }
    if (!response.ok || !isObject(body.data)) {
      return { kind: 'http', status: response.status };
    }
    return { kind: 'ok', data: body.data as TData };
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isUnauthenticatedError(error: GraphQLErrorItem): boolean {
  const ext = error.extensions;
  if (!ext) return false;
  const code = ext.code ?? ext.classification;
  return typeof code === 'string' && UNAUTHENTICATED_CODES.has(code.toUpperCase());
}
