// The GraphQL documents and types of the Settings page (accounts.graphqls).
import type { Operation } from '../graphql/client';
import type { Connection, UserError } from '../graphql/types';

const ERRORS = 'userErrors { field message code }';

export interface Preferences {
  /** A task missed this many times is broken into small steps (1–20). */
  breakdownThreshold: number;
  /** Local wall-clock HH:MM; equal start and end mean no quiet hours. */
  quietStart: string;
  quietEnd: string;
  /** When the daily digest mail comes, local HH:MM. */
  digestTime: string;
}

export interface UpdatePreferencesInput {
  breakdownThreshold?: number;
  quietStart?: string;
  quietEnd?: string;
  digestTime?: string;
}

const PREFERENCES_FIELDS = 'breakdownThreshold quietStart quietEnd digestTime';

export const PREFERENCES: Operation<{ me: { id: string; preferences: Preferences } | null }, Record<string, never>> = {
  operationName: 'Preferences',
  query: `query Preferences {
  me { id preferences { ${PREFERENCES_FIELDS} } }
}`,
};

export const UPDATE_PREFERENCES: Operation<
  { updatePreferences: { preferences: Preferences | null; userErrors: UserError[] } },
  { input: UpdatePreferencesInput }
> = {
  operationName: 'UpdatePreferences',
  query: `mutation UpdatePreferences($input: UpdatePreferencesInput!) {
  updatePreferences(input: $input) { preferences { ${PREFERENCES_FIELDS} } ${ERRORS} }
}`,
};

// ---- Security (recovery.graphqls, sessions.graphqls) ----

export const ACCOUNT_EMAIL: Operation<{ me: { id: string; email: string; emailVerified: boolean } | null }, Record<string, never>> = {
  operationName: 'AccountEmail',
  query: `query AccountEmail {
  me { id email emailVerified }
}`,
};

export const CHANGE_PASSWORD: Operation<
  { changePassword: { userErrors: UserError[] } },
  { input: { currentPassword: string; newPassword: string } }
> = {
  operationName: 'ChangePassword',
  query: `mutation ChangePassword($input: ChangePasswordInput!) {
  changePassword(input: $input) { ${ERRORS} }
}`,
};

export const CHANGE_EMAIL: Operation<
  { changeEmail: { pendingEmail: string | null; userErrors: UserError[] } },
  { input: { newEmail: string; currentPassword: string } }
> = {
  operationName: 'ChangeEmail',
  query: `mutation ChangeEmail($input: ChangeEmailInput!) {
  changeEmail(input: $input) { pendingEmail ${ERRORS} }
}`,
};

export interface SignedInSession {
  id: string;
  userAgent: string | null;
  ip: string | null;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  /** True for the session of this browser. */
  current: boolean;
}

export const SESSIONS: Operation<{ sessions: Connection<SignedInSession> | null }, { first: number; after?: string | null }> = {
  operationName: 'Sessions',
  query: `query Sessions($first: Int, $after: String) {
  sessions(first: $first, after: $after) {
    edges { cursor node { id userAgent ip createdAt lastSeenAt expiresAt current } }
    pageInfo { hasNextPage endCursor }
    totalCount
  }
}`,
};

export const REVOKE_SESSION: Operation<{ revokeSession: { userErrors: UserError[] } }, { input: { id: string } }> = {
  operationName: 'RevokeSession',
  query: `mutation RevokeSession($input: RevokeSessionInput!) {
  revokeSession(input: $input) { ${ERRORS} }
}`,
};

export const REVOKE_OTHER_SESSIONS: Operation<
  { revokeOtherSessions: { revokedCount: number | null; userErrors: UserError[] } },
  Record<string, never>
> = {
  operationName: 'RevokeOtherSessions',
  query: `mutation RevokeOtherSessions {
  revokeOtherSessions { revokedCount ${ERRORS} }
}`,
};

// ---- Two-step sign-in (mfa.graphqls) ----

export const MFA_STATUS: Operation<{ me: { id: string; mfaEnabled: boolean } | null }, Record<string, never>> = {
  operationName: 'MfaStatus',
  query: `query MfaStatus {
  me { id mfaEnabled }
}`,
};

export interface MfaEnrolment {
  otpauthUri: string | null;
  manualEntryKey: string | null;
  qrCodePng: string | null;
  userErrors: UserError[];
}

export const START_MFA_ENROLMENT: Operation<{ startMfaEnrolment: MfaEnrolment }, Record<string, never>> = {
  operationName: 'StartMfaEnrolment',
  query: `mutation StartMfaEnrolment {
  startMfaEnrolment { otpauthUri manualEntryKey qrCodePng ${ERRORS} }
}`,
};

export interface BackupCodesPayload {
  backupCodes: string[] | null;
  userErrors: UserError[];
}

export const CONFIRM_MFA_ENROLMENT: Operation<{ confirmMfaEnrolment: BackupCodesPayload }, { input: { code: string } }> = {
  operationName: 'ConfirmMfaEnrolment',
  query: `mutation ConfirmMfaEnrolment($input: ConfirmMfaEnrolmentInput!) {
  confirmMfaEnrolment(input: $input) { backupCodes ${ERRORS} }
}`,
};

export const REGENERATE_BACKUP_CODES: Operation<
  { regenerateBackupCodes: BackupCodesPayload },
  { input: { code?: string; password?: string } }
> = {
  operationName: 'RegenerateBackupCodes',
  query: `mutation RegenerateBackupCodes($input: RegenerateBackupCodesInput!) {
  regenerateBackupCodes(input: $input) { backupCodes ${ERRORS} }
}`,
};

export const DISABLE_MFA: Operation<{ disableMfa: { userErrors: UserError[] } }, { input: { password: string; code: string } }> = {
  operationName: 'DisableMfa',
  query: `mutation DisableMfa($input: DisableMfaInput!) {
  disableMfa(input: $input) { ${ERRORS} }
}`,
};

// ---- Profile and your data (my-account.graphqls) ----

export interface Profile {
  id: string;
  displayName: string;
  timeZone: string;
  locale: string;
}

const PROFILE_FIELDS = 'id displayName timeZone locale';

export const PROFILE: Operation<{ me: Profile | null; supportedLocales: string[] }, Record<string, never>> = {
  operationName: 'Profile',
  query: `query Profile {
  me { ${PROFILE_FIELDS} }
  supportedLocales
}`,
};

export const UPDATE_PROFILE: Operation<
  { updateProfile: { user: Profile | null; userErrors: UserError[] } },
  { input: { displayName?: string; timeZone?: string; locale?: string } }
> = {
  operationName: 'UpdateProfile',
  query: `mutation UpdateProfile($input: UpdateProfileInput!) {
  updateProfile(input: $input) { user { ${PROFILE_FIELDS} } ${ERRORS} }
}`,
};

export const DELETE_MY_ACCOUNT: Operation<
  { deleteMyAccount: { deleted: boolean; userErrors: UserError[] } },
  { input: { password: string } }
> = {
  operationName: 'DeleteMyAccount',
  query: `mutation DeleteMyAccount($input: DeleteMyAccountInput!) {
  deleteMyAccount(input: $input) { deleted ${ERRORS} }
}`,
};

// ---- Phone (sms.graphqls) ----

export interface Phone {
  /** E.164, e.g. +14155550123. */
  number: string;
  verified: boolean;
  verifiedAt: string | null;
  codeExpiresAt: string | null;
}

const PHONE_FIELDS = 'number verified verifiedAt codeExpiresAt';

export const PHONE: Operation<{ me: { id: string; phone: Phone | null } | null }, Record<string, never>> = {
  operationName: 'Phone',
  query: `query Phone {
  me { id phone { ${PHONE_FIELDS} } }
}`,
};

type PhonePayload = { phone: Phone | null; userErrors: UserError[] };

export const ADD_PHONE: Operation<{ addPhone: PhonePayload }, { input: { number: string } }> = {
  operationName: 'AddPhone',
  query: `mutation AddPhone($input: AddPhoneInput!) {
  addPhone(input: $input) { phone { ${PHONE_FIELDS} } ${ERRORS} }
}`,
};

export const VERIFY_PHONE: Operation<{ verifyPhone: PhonePayload }, { input: { code: string } }> = {
  operationName: 'VerifyPhone',
  query: `mutation VerifyPhone($input: VerifyPhoneInput!) {
  verifyPhone(input: $input) { phone { ${PHONE_FIELDS} } ${ERRORS} }
}`,
};

export const REMOVE_PHONE: Operation<{ removePhone: { userErrors: UserError[] } }, Record<string, never>> = {
  operationName: 'RemovePhone',
  query: `mutation RemovePhone {
  removePhone { ${ERRORS} }
}`,
};
