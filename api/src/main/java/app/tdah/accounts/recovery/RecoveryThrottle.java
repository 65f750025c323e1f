package app.tdah.accounts.recovery;

import java.time.Duration;
import java.util.HexFormat;

import app.tdah.jobs.coordination.Coordination;
import app.tdah.platform.BearerSecrets;

/**
 * Caps the mails recovery sends, cluster-wide: per address (so nobody's inbox can be flooded with links) and per
 * client address for password-reset requests (so nobody can probe or flood many addresses). Counts are kept whether
 * or not an account has the address, so the answers say nothing about which addresses have one. Addresses are keyed
 * by a hash, so Redis holds none. If Redis is unreachable the counts fall back to each node's memory, as sign-in
 * throttling's do.
 */
public final class RecoveryThrottle {

    private static final Duration WINDOW = Duration.ofHours(1);

    private final Coordination coordination;
    private final RecoveryLimits limits;

    public RecoveryThrottle(Coordination coordination, RecoveryLimits limits) {
        this.coordination = coordination;
        this.limits = limits;
    }

    /** Counts one more mail of this purpose to the address; false once the hour's allowance is used up. */
    boolean allowMail(TokenPurpose purpose, String email) {
        return within("recovery-mail:" + purpose.name().toLowerCase(java.util.Locale.ROOT) + ":"
                + HexFormat.of().formatHex(BearerSecrets.sha256(email)), limits.mailsPerHour());
    }

    /** Counts one notice to the address that someone tried to sign up with it; false after the first of the hour. */
    boolean allowSignUpNotice(String email) {
        return within("signup-notice:" + HexFormat.of().formatHex(BearerSecrets.sha256(email)), 1);
    }

    /** Counts one more password-reset request from the client address; false once its hour's allowance is used up. */
    boolean allowResetRequest(String ip) {
        return ip == null || within("recovery-ip:" + ip, limits.ipRequestsPerHour());
    }

    private boolean within(String counter, int limit) {
        return coordination.countWithin(counter, WINDOW) <= limit;
    }
}
