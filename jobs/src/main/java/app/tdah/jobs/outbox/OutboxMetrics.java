package app.tdah.jobs.outbox;

import java.util.List;
import java.util.Locale;

import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.Metrics;
import io.helidon.metrics.api.Tag;

/**
 * An outbox's counters, named after it: {@code <prefix>_sent_total}, {@code <prefix>_failed_total{kind}},
 * {@code <prefix>_dead_total}, and any of its own ({@link #increment}).
 *
 * @param prefix   the outbox's name in metrics and logs, e.g. {@code mail}
 * @param rows     what it sends, as the descriptions start: {@code Mail}, {@code Texts}
 * @param receiver who accepts them: {@code the SMTP server}, {@code Twilio}
 */
public record OutboxMetrics(String prefix, String rows, String receiver) {

    void sent() {
        increment("sent", rows + " accepted by " + receiver);
    }

    void failed(DeliveryException.Kind kind) {
        counter("failed", rows + " " + receiver + " did not accept, by kind of failure",
                List.of(Tag.create("kind", kind.name().toLowerCase(Locale.ROOT)))).increment();
    }

    void dead() {
        increment("dead", rows + " given up on: refused for good or out of attempts");
    }

    /** Counts one {@code <prefix>_<event>_total}. */
    public void increment(String event, String description) {
        counter(event, description, List.of()).increment();
    }

    private Counter counter(String event, String description, List<Tag> tags) {
        return Metrics.getOrCreate(Counter.builder(prefix + "." + event).description(description).tags(tags));
    }
}
