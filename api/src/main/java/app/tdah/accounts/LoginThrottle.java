package app.tdah.accounts;

import java.time.Duration;
import java.util.HexFormat;

import app.tdah.jobs.coordination.Coordination;
import app.tdah.platform.BearerSecrets;

/**
 * Slows password guessing, cluster-wide. Per account: from the 5th failure in 15 minutes each attempt must wait a
 * growing delay (1 s, 2 s, 4 s... up to a minute; attempts during the wait are refused and not counted), and the 10th locks the account for 15 minutes. Per IP: 50 failures
 * in 15 minutes block that address for the rest of the window. Attempts refused here get the same generic answer as
 * a wrong password and never reach Argon2, so a burst costs the server nothing. Accounts are keyed by a hash of the
 * email, so Redis holds no addresses. If Redis is unreachable the counts fall back to each node's memory (see
 * {@link app.tdah.jobs.coordination.LocalFallbackCoordination}): guessing stays limited, and the outage shows in
 * readiness.
 */
public final class LoginThrottle {

    static final int DELAY_FROM = 5;
    static final int LOCK_AT = 10;
    static final int IP_LIMIT = 50;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration MAX_DELAY = Duration.ofMinutes(1);

    private final Coordination coordination;
    private final Duration firstDelay;
    private final Duration lockout;

    public LoginThrottle(Coordination coordination, Duration firstDelay, Duration lockout) {
        this.coordination = coordination;
        this.firstDelay = firstDelay;
        this.lockout = lockout;
    }

    /** An attempt's admission: whether it may be checked, and its number in the account's window. */
    public record Attempt(boolean admitted, long number) {
    }

    /**
     * Whether an attempt for this email from this address may be checked now. An admitted attempt is counted at once,
     * before its password is checked, so a burst of parallel guesses cannot slip more than the limit past the check.
     */
    public Attempt admit(String email, String ip) {
        String account = accountKey(email);
        if (coordination.isRaised("login-lock:" + account) || coordination.isRaised("login-wait:" + account)
                || coordination.isRaised("login-ip-block:" + ip)) {
            return new Attempt(false, 0);
        }
        long number = coordination.countWithin("login-attempt:" + account, WINDOW);
        if (number > LOCK_AT) {
            coordination.raiseFlag("login-lock:" + account, lockout);
            return new Attempt(false, number);
        }
        return new Attempt(true, number);
    }

    /** What a failed attempt led to, for the audit trail. */
    public record Consequence(boolean accountLocked, boolean addressBlocked, Duration delay) {
    }

    /** A checked attempt failed: it may start a wait, lock the account, or block the address. */
    public Consequence failed(String email, String ip, Attempt attempt) {
        String account = accountKey(email);
        boolean blocked = coordination.countWithin("login-ip:" + ip, WINDOW) >= IP_LIMIT;
        if (blocked) {
            coordination.raiseFlag("login-ip-block:" + ip, WINDOW);
        }
        if (attempt.number() >= LOCK_AT) {
            coordination.raiseFlag("login-lock:" + account, lockout);
            return new Consequence(true, blocked, lockout);
        } else if (attempt.number() >= DELAY_FROM && !firstDelay.isZero()) {
            Duration wait = delayAfter(attempt.number());
            coordination.raiseFlag("login-wait:" + account, wait);
            return new Consequence(false, blocked, wait);
        }
        return new Consequence(false, blocked, Duration.ZERO);
    }

    public void succeeded(String email) {
        coordination.resetCount("login-attempt:" + accountKey(email));
    }

    /** The first delay (1 s) after the 5th failure, doubling with each one after it, up to a minute. */
    Duration delayAfter(long failures) {
        Duration delay = firstDelay.multipliedBy(1L << Math.min(failures - DELAY_FROM, 10));
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    private static String accountKey(String email) {
        return HexFormat.of().formatHex(BearerSecrets.sha256(email));
    }
}
