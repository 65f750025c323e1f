package app.tdah.audit;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import app.tdah.jobs.coordination.Coordination;

/**
 * Bounds the audit rows that requests from nobody known can write. A refusal with neither actor nor subject (a forged
 * Twilio callback, a made-up reset link, a provider sign-in gone wrong) costs an anonymous client one request and the
 * database one row, so a flood of them would grow {@code audit_events} without bound and bury the events that
 * matter. Per action, at most {@code perAddress} such rows a minute come from one client address, and {@code global}
 * from all; the last row written before a cap says so ({@code details.further}), so the trail still shows that a flood
 * happened, and from where. Events about a known account are always written: their own throttles (the sign-in
 * lockout, the recovery limits) bound them. Counted cluster-wide, in each node's memory while Redis is down.
 */
public final class AnonymousRefusalLimit {

    static final String FURTHER = "further";
    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final Coordination coordination;
    private final int perAddress;
    private final int global;

    public AnonymousRefusalLimit(Coordination coordination, int perAddressPerMinute, int globalPerMinute) {
        this.coordination = coordination;
        this.perAddress = perAddressPerMinute;
        this.global = globalPerMinute;
    }

    /** The event to write (the last of its minute marked so), or empty when its row is over a cap. */
    Optional<AuditEvent> admit(AuditEvent event) {
        if (event.outcome() == AuditEvent.Outcome.SUCCESS || event.actorId() != null || event.subjectId() != null) {
            return Optional.of(event);
        }
        String action = event.action().code();
        String address = event.client().ip() == null ? "unknown" : event.client().ip();
        long fromAddress = coordination.countWithin("audit-refused:" + action + ":" + address, WINDOW);
        if (fromAddress > perAddress) {
            return Optional.empty();
        }
        long inAll = coordination.countWithin("audit-refused:" + action, WINDOW);
        if (inAll > global) {
            return Optional.empty();
        }
        if (fromAddress < perAddress && inAll < global) {
            return Optional.of(event);
        }
        Map<String, String> details = new HashMap<>(event.details());
        details.put(FURTHER, (fromAddress == perAddress ? "from this address" : "from any address")
                + ", not recorded for the rest of the minute");
        return Optional.of(new AuditEvent(event.action(), event.outcome(), null, null, event.client(), details));
    }
}
