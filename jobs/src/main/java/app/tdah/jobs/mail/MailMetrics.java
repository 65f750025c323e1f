package app.tdah.jobs.mail;

import java.util.List;
import java.util.Locale;

import app.tdah.jobs.mail.MailDeliveryException.Failure;

import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.Metrics;
import io.helidon.metrics.api.Tag;

/** The outbox's counters: {@code mail_sent_total}, {@code mail_failed_total{kind}}, {@code mail_dead_total}. */
final class MailMetrics {

    private MailMetrics() {
    }

    static void sent() {
        counter("mail.sent", "Mail accepted by the SMTP server", List.of()).increment();
    }

    static void failed(Failure failure) {
        counter("mail.failed", "Mail the SMTP server did not accept, by kind of failure",
                List.of(Tag.create("kind", failure.name().toLowerCase(Locale.ROOT)))).increment();
    }

    static void dead() {
        counter("mail.dead", "Mail given up on: refused for good or out of attempts", List.of()).increment();
    }

    private static Counter counter(String name, String description, List<Tag> tags) {
        return Metrics.getOrCreate(Counter.builder(name).description(description).tags(tags));
    }
}
