package app.tdah.oidc;

import java.time.Duration;

import app.tdah.jobs.coordination.Coordination;

/**
 * Caps the flows one client address may start through providers per hour, cluster-wide: {@code /start} is anonymous
 * and each call keeps a flow in Redis for ten minutes, so an unlimited one lets anyone fill Redis.
 */
final class StartLimit {

    /** The {@code error} the browser is sent back to the SPA with. */
    static final String ERROR_CODE = "oidc_rate_limited";
    private static final Duration WINDOW = Duration.ofHours(1);

    private final Coordination coordination;
    private final int perAddressPerHour;

    StartLimit(Coordination coordination, int perAddressPerHour) {
        this.coordination = coordination;
        this.perAddressPerHour = perAddressPerHour;
    }

    boolean admit(String ip) {
        return ip == null || coordination.tryAcquire("oidc-start:" + ip, perAddressPerHour, WINDOW);
    }
}
