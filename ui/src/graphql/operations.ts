// The documents of signing up, in and out, and of the mailed links (accounts.graphqls, recovery.graphqls), with the
// fragments every feature shares. Types come from the schema: see codegen.ts.
import { graphql } from './generated';
import type { LoginMutation, UserErrorFieldsFragment, UserFieldsFragment } from './generated/graphql';

// Fragments are defined once here for the generator; documents spread them by name.
graphql(`
  fragment UserErrorFields on UserError {
    field
    message
    code
  }
`);

graphql(`
  fragment UserFields on User {
    id
    email
    displayName
    timeZone
    createdAt
    role
    locale
    emailVerified
  }
`);

export type UserError = UserErrorFieldsFragment;
export type User = UserFieldsFragment;
/**
 * What login, verifyMfa and refreshSession answer; only login may answer with an MFA challenge instead of a session.
 */
export type AuthPayload = Omit<LoginMutation['login'], 'mfaChallenge'> & { mfaChallenge?: LoginMutation['login']['mfaChallenge'] };

export const REGISTER = graphql(`
  mutation Register($input: RegisterInput!) {
    register(input: $input) {
      userErrors { ...UserErrorFields }
    }
  }
`);

export const LOGIN = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      accessToken
      accessTokenExpiresAt
      user { ...UserFields }
      mfaChallenge
      userErrors { ...UserErrorFields }
    }
  }
`);

export const VERIFY_MFA = graphql(`
  mutation VerifyMfa($input: VerifyMfaInput!) {
    verifyMfa(input: $input) {
      accessToken
      accessTokenExpiresAt
      user { ...UserFields }
      userErrors { ...UserErrorFields }
    }
  }
`);

export const REFRESH_SESSION = graphql(`
  mutation RefreshSession {
    refreshSession {
      accessToken
      accessTokenExpiresAt
      user { ...UserFields }
      userErrors { ...UserErrorFields }
    }
  }
`);

export const LOGOUT = graphql(`
  mutation Logout {
    logout { userErrors { ...UserErrorFields } }
  }
`);

export const ME = graphql(`
  query Me {
    me { ...UserFields }
  }
`);

export const REQUEST_PASSWORD_RESET = graphql(`
  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {
    requestPasswordReset(input: $input) { userErrors { ...UserErrorFields } }
  }
`);

export const RESET_PASSWORD = graphql(`
  mutation ResetPassword($input: ResetPasswordInput!) {
    resetPassword(input: $input) { userErrors { ...UserErrorFields } }
  }
`);

export const VERIFY_EMAIL = graphql(`
  mutation VerifyEmail($input: VerifyEmailInput!) {
    verifyEmail(input: $input) { email userErrors { ...UserErrorFields } }
  }
`);

export const RESEND_VERIFICATION = graphql(`
  mutation ResendVerification {
    resendVerification { userErrors { ...UserErrorFields } }
  }
`);
