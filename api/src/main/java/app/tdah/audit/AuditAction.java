package app.tdah.audit;

import java.util.Locale;

/** What happened, as stored in {@code audit_events.action} (lower snake case). Features add theirs here. */
public enum AuditAction {
    REGISTERED,
    SIGN_IN,
    SIGN_IN_FAILED,
    SIGN_IN_THROTTLED,
    ACCOUNT_LOCKED,
    ADDRESS_BLOCKED,
    SIGNED_OUT,
    REFRESH_TOKEN_REUSED,
    ACCESS_DENIED,
    MFA_ENROLLED,
    MFA_DISABLED,
    MFA_BACKUP_CODES_REGENERATED,
    MFA_BACKUP_CODE_USED,
    MFA_FAILED,
    MFA_CHALLENGE_ISSUED,
    EMAIL_VERIFIED,
    EMAIL_CHANGE_REQUESTED,
    EMAIL_CHANGED,
    PASSWORD_RESET_REQUESTED,
    PASSWORD_RESET_THROTTLED,
    PASSWORD_RESET,
    PASSWORD_CHANGED,
    SESSION_REVOKED,
    OTHER_SESSIONS_REVOKED,
    USERS_SEARCHED,
    ROLE_CHANGED,
    ACCOUNT_DEACTIVATED,
    ACCOUNT_REACTIVATED,
    AUDIT_LOG_READ,
    PROFILE_UPDATED,
    DATA_EXPORTED,
    PASSWORD_CONFIRMATION_FAILED,
    ACCOUNT_DELETED,
    OIDC_SIGN_IN_FAILED,
    IDENTITY_LINKED,
    IDENTITY_LINK_FAILED,
    IDENTITY_UNLINKED,
    PHONE_CODE_SENT,
    PHONE_VERIFIED,
    PHONE_VERIFICATION_FAILED,
    PHONE_REMOVED,
    SMS_STATUS_SIGNATURE_INVALID;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AuditAction ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
