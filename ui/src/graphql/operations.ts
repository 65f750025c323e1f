import type { AuthPayload, LoginInput, LogoutPayload, RegisterInput, User, UserError, VerifyMfaInput } from './types';
import type { Operation } from './client';

const USER_FIELDS = `
  id
  email
  displayName
  timeZone
  createdAt
  role
`;

const AUTH_PAYLOAD_FIELDS = `
  accessToken
  accessTokenExpiresAt
  user { ${USER_FIELDS} }
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
  login(input: $input) { ${AUTH_PAYLOAD_FIELDS} mfaChallenge }
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

const ERRORS = 'userErrors { field message code }';

export const REQUEST_PASSWORD_RESET: Operation<
  { requestPasswordReset: { userErrors: UserError[] } },
  { input: { email: string } }
> = {
  operationName: 'RequestPasswordReset',
  query: `mutation RequestPasswordReset($input: RequestPasswordResetInput!) {
  requestPasswordReset(input: $input) { ${ERRORS} }
}`,
};

export const RESET_PASSWORD: Operation<
  { resetPassword: { userErrors: UserError[] } },
  { input: { token: string; newPassword: string } }
> = {
  operationName: 'ResetPassword',
  query: `mutation ResetPassword($input: ResetPasswordInput!) {
  resetPassword(input: $input) { ${ERRORS} }
}`,
};

export const VERIFY_EMAIL: Operation<
  { verifyEmail: { email: string | null; userErrors: UserError[] } },
  { input: { token: string } }
> = {
  operationName: 'VerifyEmail',
  query: `mutation VerifyEmail($input: VerifyEmailInput!) {
  verifyEmail(input: $input) { email ${ERRORS} }
}`,
};

export const RESEND_VERIFICATION: Operation<{ resendVerification: { userErrors: UserError[] } }, Record<string, never>> = {
  operationName: 'ResendVerification',
  query: `mutation ResendVerification {
  resendVerification { ${ERRORS} }
}`,
};
