package app.tdah.jobs.sms;

import java.util.List;
import java.util.Locale;

import app.tdah.jobs.sms.SmsDeliveryException.Failure;

import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.Metrics;
import io.helidon.metrics.api.Tag;

/**
 * The SMS outbox's counters: {@code sms_sent_total}, {@code sms_failed_total{kind}}, {@code sms_dead_total},
 * {@code sms_skipped_total} (opted-out numbers) and {@code sms_deferred_total} (held back by a rate limit).
 */
final class SmsMetrics {

    private SmsMetrics() {
    }

    static void sent() {
        counter("sms.sent", "Texts accepted by Twilio", List.of()).increment();
    }

    static void failed(Failure failure) {
        counter("sms.failed", "Texts Twilio did not accept, by kind of failure",
                List.of(Tag.create("kind", failure.name().toLowerCase(Locale.ROOT)))).increment();
    }

    static void dead() {
        counter("sms.dead", "Texts given up on: refused for good or out of attempts", List.of()).increment();
    }

    static void skipped() {
        counter("sms.skipped", "Texts not sent because the number opted out", List.of()).increment();
    }

    static void deferred() {
        counter("sms.deferred", "Texts held back for a while by a per-person or global rate limit", List.of()).increment();
    }

    private static Counter counter(String name, String description, List<Tag> tags) {
        return Metrics.getOrCreate(Counter.builder(name).description(description).tags(tags));
    }
}
