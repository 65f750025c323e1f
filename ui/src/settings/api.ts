// The documents of the Settings page (accounts.graphqls, recovery.graphqls, sessions.graphqls, mfa.graphqls,
// my-account.graphqls, sms.graphqls).
import { graphql } from '../graphql/generated';
import type {
  PhoneFieldsFragment,
  PreferencesFieldsFragment,
  SessionsQuery,
  StartMfaEnrolmentMutation,
} from '../graphql/generated/graphql';

// Fragments are defined once here for the generator; documents spread them by name.
graphql(`
  fragment PreferencesFields on Preferences {
    breakdownThreshold
    quietStart
    quietEnd
    digestTime
  }
`);

graphql(`
  fragment ProfileFields on User {
    id
    displayName
    timeZone
    locale
  }
`);

graphql(`
  fragment PhoneFields on Phone {
    number
    verified
    verifiedAt
    codeExpiresAt
  }
`);

export type Preferences = PreferencesFieldsFragment;
export type SignedInSession = NonNullable<SessionsQuery['sessions']>['edges'][number]['node'];
export type MfaEnrolment = StartMfaEnrolmentMutation['startMfaEnrolment'];
export type Phone = PhoneFieldsFragment;

export const PREFERENCES = graphql(`
  query Preferences {
    me { id preferences { ...PreferencesFields } }
  }
`);

export const UPDATE_PREFERENCES = graphql(`
  mutation UpdatePreferences($input: UpdatePreferencesInput!) {
    updatePreferences(input: $input) { preferences { ...PreferencesFields } userErrors { ...UserErrorFields } }
  }
`);

// ---- Security (recovery.graphqls, sessions.graphqls) ----

export const ACCOUNT_EMAIL = graphql(`
  query AccountEmail {
    me { id email emailVerified }
  }
`);

export const CHANGE_PASSWORD = graphql(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input) { userErrors { ...UserErrorFields } }
  }
`);

export const CHANGE_EMAIL = graphql(`
  mutation ChangeEmail($input: ChangeEmailInput!) {
    changeEmail(input: $input) { pendingEmail userErrors { ...UserErrorFields } }
  }
`);

export const SESSIONS = graphql(`
  query Sessions($first: Int, $after: String) {
    sessions(first: $first, after: $after) {
      edges { cursor node { id userAgent ip createdAt lastSeenAt expiresAt current } }
      pageInfo { hasNextPage endCursor }
      totalCount
    }
  }
`);

export const REVOKE_SESSION = graphql(`
  mutation RevokeSession($input: RevokeSessionInput!) {
    revokeSession(input: $input) { userErrors { ...UserErrorFields } }
  }
`);

export const REVOKE_OTHER_SESSIONS = graphql(`
  mutation RevokeOtherSessions {
    revokeOtherSessions { revokedCount userErrors { ...UserErrorFields } }
  }
`);

// ---- Two-step sign-in (mfa.graphqls) ----

export const MFA_STATUS = graphql(`
  query MfaStatus {
    me { id mfaEnabled }
  }
`);

export const START_MFA_ENROLMENT = graphql(`
  mutation StartMfaEnrolment {
    startMfaEnrolment { otpauthUri manualEntryKey qrCodePng userErrors { ...UserErrorFields } }
  }
`);

export const CONFIRM_MFA_ENROLMENT = graphql(`
  mutation ConfirmMfaEnrolment($input: ConfirmMfaEnrolmentInput!) {
    confirmMfaEnrolment(input: $input) { backupCodes userErrors { ...UserErrorFields } }
  }
`);

export const REGENERATE_BACKUP_CODES = graphql(`
  mutation RegenerateBackupCodes($input: RegenerateBackupCodesInput!) {
    regenerateBackupCodes(input: $input) { backupCodes userErrors { ...UserErrorFields } }
  }
`);

export const DISABLE_MFA = graphql(`
  mutation DisableMfa($input: DisableMfaInput!) {
    disableMfa(input: $input) { userErrors { ...UserErrorFields } }
  }
`);

// ---- Profile and your data (my-account.graphqls) ----

export const PROFILE = graphql(`
  query Profile {
    me { ...ProfileFields }
    supportedLocales
  }
`);

export const UPDATE_PROFILE = graphql(`
  mutation UpdateProfile($input: UpdateProfileInput!) {
    updateProfile(input: $input) { user { ...ProfileFields } userErrors { ...UserErrorFields } }
  }
`);

export const DELETE_MY_ACCOUNT = graphql(`
  mutation DeleteMyAccount($input: DeleteMyAccountInput!) {
    deleteMyAccount(input: $input) { deleted userErrors { ...UserErrorFields } }
  }
`);

// ---- Phone (sms.graphqls) ----

export const PHONE = graphql(`
  query Phone {
    me { id phone { ...PhoneFields } }
  }
`);

export const ADD_PHONE = graphql(`
  mutation AddPhone($input: AddPhoneInput!) {
    addPhone(input: $input) { phone { ...PhoneFields } userErrors { ...UserErrorFields } }
  }
`);

export const VERIFY_PHONE = graphql(`
  mutation VerifyPhone($input: VerifyPhoneInput!) {
    verifyPhone(input: $input) { phone { ...PhoneFields } userErrors { ...UserErrorFields } }
  }
`);

export const REMOVE_PHONE = graphql(`
  mutation RemovePhone {
    removePhone { userErrors { ...UserErrorFields } }
  }
`);

export const REAUTHENTICATE = graphql(`
  mutation Reauthenticate($input: ReauthenticateInput!) {
    reauthenticate(input: $input) { recentUntil userErrors { ...UserErrorFields } }
  }
`);

// ---- Calendar feed (ical.graphqls) ----

export const ICAL_FEED = graphql(`
  query IcalFeed {
    icalFeed { createdAt }
  }
`);

export const ROTATE_ICAL_FEED = graphql(`
  mutation RotateIcalFeed {
    rotateIcalFeed { url feed { createdAt } userErrors { ...UserErrorFields } }
  }
`);

export const REVOKE_ICAL_FEED = graphql(`
  mutation RevokeIcalFeed {
    revokeIcalFeed { userErrors { ...UserErrorFields } }
  }
`);
