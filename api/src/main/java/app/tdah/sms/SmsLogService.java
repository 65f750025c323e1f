package app.tdah.sms;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import app.tdah.errors.BadArgument;
import app.tdah.paging.KeysetCursor;
import app.tdah.paging.Page;
import app.tdah.paging.PageRequest;

/** The SMS log: a person's own texts, what texts cost, and the operators' analytics over everyone's. */
public final class SmsLogService {

    static final int MAX_DAYS = 366;

    private final SmsLogRepository log;
    private final SmsSettings settings;
    private final Clock clock;

    public SmsLogService(SmsLogRepository log, SmsSettings settings, Clock clock) {
        this.log = log;
        this.settings = settings;
        this.clock = clock;
    }

    /** Counts over a set of texts, with what Twilio bills for them. */
    public record Stats(long inbound, long outbound, long segments, double estimatedCost, long failed, Double failureRate,
                        Double sendLatencyP50Ms, Double sendLatencyP95Ms, Double deliveryLatencyP50Ms,
                        Double deliveryLatencyP95Ms) {
    }

    public record Day(LocalDate date, Stats stats) {
    }

    /** Every text of a window of whole UTC days: totals, and one entry per day, days without texts included. */
    public record Analytics(Instant from, Instant until, String currency, double pricePerSegment, Stats totals, List<Day> days) {
    }

    /** The person's texts, in and out, newest first. */
    public Page<SmsMessage> page(UUID userId, PageRequest<KeysetCursor> request) {
        return log.page(userId, request);
    }

    public Optional<SmsMessage> find(UUID userId, UUID id) {
        return log.find(userId, id);
    }

    /** What the text costs: its segments at the configured price when Twilio bills it, else nothing. */
    public double estimatedCost(SmsMessage message) {
        return message.billable() ? cost(message.segments()) : 0.0;
    }

    /** The last {@code days} UTC days, today included; a {@link BadArgument} outside 1..366. */
    public Analytics analytics(Integer days) {
        if (days == null || days < 1 || days > MAX_DAYS) {
            throw new BadArgument("days must be between 1 and " + MAX_DAYS);
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate firstDay = today.minusDays(days - 1L);
        Instant from = firstDay.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant until = today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        SmsLogRepository.Analytics analytics = log.analytics(from, until);
        List<Day> perDay = firstDay.datesUntil(today.plusDays(1))
                .map(day -> new Day(day, stats(analytics.days().getOrDefault(day, SmsStats.NONE))))
                .toList();
        return new Analytics(from, until, settings.currency(), settings.pricePerSegment().doubleValue(),
                stats(analytics.totals()), perDay);
    }

    private Stats stats(SmsStats stats) {
        return new Stats(stats.inbound(), stats.outbound(), stats.segments(), cost(stats.billableSegments()),
                stats.failed(), stats.failureRate(), stats.sendLatencyP50Ms(), stats.sendLatencyP95Ms(),
                stats.deliveryLatencyP50Ms(), stats.deliveryLatencyP95Ms());
    }

    private double cost(long segments) {
        return settings.pricePerSegment().multiply(BigDecimal.valueOf(segments)).doubleValue();
    }
}
