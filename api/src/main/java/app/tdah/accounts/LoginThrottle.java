package app.tdah.accounts;

import java.time.Duration;
import java.util.HexFormat;
import java.util.function.BooleanSupplier;

import app.tdah.jobs.coordination.Coordination;
import app.tdah.platform.BearerSecrets;

/**
 * Slows password guessing, cluster-wide. Per account: from the 5th failure in 15 minutes each attempt must wait a
 * growing delay (1 s, 2 s, 4 s... up to a minute; attempts during the wait are refused and not counted), and the 10th locks the account for 15 minutes. Per IP: 50 failures
 * in 15 minutes block that address for the rest of the window. Attempts refused here get the same generic answer as
 * a wrong password and never reach Argon2, so a burst costs the server nothing. Accounts are keyed by a hash of the
 * email, so Redis holds no addresses. If Redis is unreachable the throttle lets attempts through: people can still
 * sign in, and the outage shows in readiness.
 */
public final class LoginThrottle {

    static final int DELAY_FROM = 5;
    static final int LOCK_AT = 10;
    static final int IP_LIMIT = 50;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration MAX_DELAY = Duration.ofMinutes(1);
    private static final System.Logger LOG = System.getLogger(LoginThrottle.class.getName());

    private final Coordination coordination;
    private final Duration firstDelay;
    private final Duration lockout;

    public LoginThrottle(Coordination coordination, Duration firstDelay, Duration lockout) {
        this.coordination = coordination;
        this.firstDelay = firstDelay;
        this.lockout = lockout;
    }

    /** Whether an attempt for this email from this address may be checked now. */
    public boolean mayTry(String email, String ip) {
        String account = accountKey(email);
        return failOpen(() -> !coordination.isRaised("login-lock:" + account) && !coordination.isRaised("login-wait:" + account)
                && !coordination.isRaised("login-ip-block:" + ip));
    }

    /** Counts a failed attempt. */
    public void failed(String email, String ip) {
        String account = accountKey(email);
        failOpen(() -> {
            long failures = coordination.countWithin("login-fail:" + account, WINDOW);
            if (coordination.countWithin("login-ip:" + ip, WINDOW) >= IP_LIMIT) {
                coordination.raiseFlag("login-ip-block:" + ip, WINDOW);
            }
            if (failures >= LOCK_AT) {
                coordination.raiseFlag("login-lock:" + account, lockout);
            } else if (failures >= DELAY_FROM && !firstDelay.isZero()) {
                coordination.raiseFlag("login-wait:" + account, delayAfter(failures));
            }
            return true;
        });
    }

    public void succeeded(String email) {
        failOpen(() -> {
            coordination.resetCount("login-fail:" + accountKey(email));
            return true;
        });
    }

    /** The first delay (1 s) after the 5th failure, doubling with each one after it, up to a minute. */
    Duration delayAfter(long failures) {
        Duration delay = firstDelay.multipliedBy(1L << Math.min(failures - DELAY_FROM, 10));
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    private static String accountKey(String email) {
        return HexFormat.of().formatHex(BearerSecrets.sha256(email));
    }

    private static boolean failOpen(BooleanSupplier check) {
        try {
            return check.getAsBoolean();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Login throttling unavailable, letting the attempt through: {0}", e.toString());
            return true;
        }
    }
}
