import type { AuthPayload, LoginInput, LogoutPayload, RegisterInput, User, VerifyMfaInput } from './types';
import type { Operation } from './client';

const USER_FIELDS = `
  id
  email
  displayName
  timeZone
  createdAt
`;

const AUTH_PAYLOAD_FIELDS = `
  accessToken
  accessTokenExpiresAt
  user { ${USER_FIELDS} }
  mfaChallenge
  userErrors { field message code }
`;

export const REGISTER: Operation<{ register: AuthPayload }, { input: RegisterInput }> = {
  operationName: 'Register',
  query: `mutation Register($input: RegisterInput!) {
  register(input: $input) { ${AUTH_PAYLOAD_FIELDS} }
}`,
};

export const LOGIN: Operation<{ login: AuthPayload }, { input: LoginInput }> = {
  operationName: 'Login',
  query: `mutation Login($input: LoginInput!) {
  login(input: $input) { ${AUTH_PAYLOAD_FIELDS} }
}`,
};

export const VERIFY_MFA: Operation<{ verifyMfa: AuthPayload }, { input: VerifyMfaInput }> = {
  operationName: 'VerifyMfa',
  query: `mutation VerifyMfa($input: VerifyMfaInput!) {
  verifyMfa(input: $input) { ${AUTH_PAYLOAD_FIELDS} }
}`,
};

export const REFRESH_SESSION: Operation<{ refreshSession: AuthPayload }, Record<string, never>> = {
  operationName: 'RefreshSession',
  query: `mutation RefreshSession {
  refreshSession { ${AUTH_PAYLOAD_FIELDS} }
}`,
};

export const LOGOUT: Operation<{ logout: LogoutPayload }, Record<string, never>> = {
  operationName: 'Logout',
  query: `mutation Logout {
  logout { userErrors { field message code } }
}`,
};

export const ME: Operation<{ me: User | null }, Record<string, never>> = {
  operationName: 'Me',
  query: `query Me {
  me { ${USER_FIELDS} }
}`,
};

