package app.tdah.accounts.recovery;

import java.util.Map;
import java.util.UUID;

import app.tdah.accounts.AccountService;
import app.tdah.accounts.ClientInfo;
import app.tdah.accounts.LoginThrottle;
import app.tdah.audit.AuditAction;

/**
 * The current password, asked again before a password or email change. It is throttled as a sign-in step and a wrong
 * one counts as a failed sign-in, so a stolen session cannot be used to guess the password.
 */
final class CurrentPassword {

    private final AccountService accounts;

    CurrentPassword(AccountService accounts) {
        this.accounts = accounts;
    }

    /** Whether the password is the account's; false too while sign-in is throttled for it. */
    boolean confirms(UUID userId, String email, String password, String during, ClientInfo client) {
        LoginThrottle.Attempt attempt = accounts.admitAttempt(email, userId, client, Map.of("during", during));
        if (!attempt.admitted()) {
            return false;
        }
        if (accounts.passwordMatches(userId, password)) {
            return true;
        }
        accounts.attemptFailed(email, userId, client, attempt, AuditAction.SIGN_IN_FAILED,
                Map.of("during", during, "reason", "wrong_password"));
        return false;
    }
}
