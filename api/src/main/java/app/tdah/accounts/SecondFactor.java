package app.tdah.accounts;

import app.tdah.identity.ClientInfo;
import app.tdah.identity.Role;
import java.util.UUID;

/** What sign-in and authorisation need to know of multi-factor authentication, which the mfa feature provides. */
public interface SecondFactor {

    /** Whether the account has confirmed an authenticator, so that its password alone does not sign it in. */
    boolean isEnabled(UUID userId);

    /** Whether an account of this role must have MFA on to use the role's permissions (an operator's setting). */
    boolean isRequiredFor(Role role);

    /** Starts the second step of a sign-in whose password was right: an opaque, short-lived, single-use challenge. */
    String issueChallenge(UUID userId, ClientInfo client);
}
