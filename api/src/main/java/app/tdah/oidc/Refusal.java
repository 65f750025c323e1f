package app.tdah.oidc;

import java.util.Locale;

import app.tdah.audit.AuditEvent.Outcome;

/**
 * Why a sign-in or link through a provider was refused: the reason recorded in the audit row, and the {@code error}
 * code the browser is sent back to the SPA with (several reasons share a code where the person can do the same thing
 * about them: try again).
 */
enum Refusal {
    /** The state is unknown, expired or already used (a replay), or belongs to another provider. */
    STATE_INVALID("oidc_state", Outcome.DENIED),
    /** The state is live but this browser did not start the flow (login CSRF). */
    BROWSER_MISMATCH("oidc_state", Outcome.DENIED),
    /** The provider answered with an error instead of a code, e.g. the person cancelled. */
    PROVIDER_ERROR("oidc_provider_error", Outcome.FAILURE),
    TOKEN_EXCHANGE_FAILED("oidc_failed", Outcome.FAILURE),
    ID_TOKEN_INVALID("oidc_failed", Outcome.DENIED),
    NONCE_MISMATCH("oidc_failed", Outcome.DENIED),
    /** A new person whose provider gave no verified email: no account is made for them. */
    EMAIL_UNVERIFIED("oidc_email_unverified", Outcome.DENIED),
    /** An account has this email: its owner signs in with their password and links the identity from settings. */
    ACCOUNT_EXISTS("oidc_account_exists", Outcome.DENIED),
    /** Linking an identity that already belongs to another account. */
    IDENTITY_IN_USE("oidc_identity_in_use", Outcome.DENIED),
    /** Linking a second identity of a provider the account already has one of. */
    PROVIDER_ALREADY_LINKED("oidc_already_linked", Outcome.DENIED),
    /** The account is deactivated. */
    ACCOUNT_UNAVAILABLE("oidc_account_unavailable", Outcome.DENIED),
    /** The link URL is unknown, expired or already used, or was made for another provider. */
    LINK_INTENT_INVALID("oidc_link_expired", Outcome.DENIED),
    /** The provider is not configured here, or cannot be reached. */
    PROVIDER_UNAVAILABLE("oidc_unavailable", Outcome.FAILURE);

    private final String errorCode;
    private final Outcome outcome;

    Refusal(String errorCode, Outcome outcome) {
        this.errorCode = errorCode;
        this.outcome = outcome;
    }

    /** The {@code error} query parameter of the SPA page the browser lands on. */
    String errorCode() {
        return errorCode;
    }

    Outcome outcome() {
        return outcome;
    }

    /** The {@code reason} detail of the audit row. */
    String reason() {
        return name().toLowerCase(Locale.ROOT);
    }
}
