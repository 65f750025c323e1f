// Types mirroring graphql-schema/src/main/graphql/accounts.graphqls and schema.graphqls (tasks: src/tasks/api.ts).

export type UserErrorCode =
  | 'INVALID'
  | 'TOO_SHORT'
  | 'TOO_LONG'
  | 'TOO_COMMON'
  | 'ALREADY_EXISTS'
  | 'INVALID_CREDENTIALS'
  | 'NOT_AUTHENTICATED'
  | 'UNKNOWN_TIME_ZONE'
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'RATE_LIMITED'
  | 'EXPIRED'
  | 'UNAVAILABLE';

export interface UserError {
  /** The input field at fault, e.g. `password`; null when the error is about the whole input. */
  field: string | null;
  message: string;
  code: UserErrorCode;
}

/** What a person may do: user (their own data), premium (and the LLM assistant), admin (everything). */
export type Role = 'USER' | 'PREMIUM' | 'ADMIN';

export interface User {
  id: string;
  email: string;
  displayName: string;
  /** IANA time zone, e.g. Europe/Paris. */
  timeZone: string;
  /** ISO-8601 instant. */
  createdAt: string;
  role: Role;
}

export interface AuthPayload {
  accessToken: string | null;
  accessTokenExpiresAt: string | null;
  user: User | null;
  /** Set instead of a token when the password was right and two-step sign-in is on: verifyMfa takes it with a code. */
  mfaChallenge?: string | null;
  userErrors: UserError[];
}

export interface LogoutPayload {
  userErrors: UserError[];
}

export interface RegisterInput {
  email: string;
  password: string;
  displayName: string;
  timeZone: string;
}

export interface LoginInput {
  email: string;
  password: string;
}

export interface VerifyMfaInput {
  /** The mfaChallenge that login returned. */
  challenge: string;
  /** A code from the authenticator app, or a backup code. */
  code: string;
}

/** A Relay connection: a page of nodes, where the next page starts, and how many there are in all. */
export interface Connection<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}
