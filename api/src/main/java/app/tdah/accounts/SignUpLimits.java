package app.tdah.accounts;

import java.time.Duration;

import app.tdah.jobs.coordination.Coordination;

/**
 * Caps sign-ups cluster-wide, per client address and in all, each per hour: every sign-up costs an Argon2 hash and a
 * verification mail, so an unlimited {@code register} lets anyone spend the server's memory and mail reputation.
 * Checked after the input is found valid and before any hashing.
 */
public final class SignUpLimits {

    private static final Duration WINDOW = Duration.ofHours(1);

    private final Coordination coordination;
    private final int perAddress;
    private final int global;

    public SignUpLimits(Coordination coordination, int perAddressPerHour, int globalPerHour) {
        this.coordination = coordination;
        this.perAddress = perAddressPerHour;
        this.global = globalPerHour;
    }

    /** Takes one sign-up from the address's allowance and the installation's; false when either is used up. */
    boolean admit(String ip) {
        return (ip == null || coordination.tryAcquire("signup-ip:" + ip, perAddress, WINDOW))
                && coordination.tryAcquire("signup", global, WINDOW);
    }
}
