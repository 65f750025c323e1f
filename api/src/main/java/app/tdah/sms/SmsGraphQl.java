package app.tdah.sms;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import app.tdah.errors.BadArgument;
import app.tdah.accounts.AccountsGraphQl;
import app.tdah.graphql.Connection;
import app.tdah.graphql.GlobalId;
import app.tdah.graphql.GraphQlEngine;
import app.tdah.graphql.GraphQlFeature;
import app.tdah.paging.KeysetCursor;
import app.tdah.paging.PageRequest;
import app.tdah.graphql.NodeType;
import app.tdah.graphql.RequestContext;
import app.tdah.errors.UserError;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;

/** The SMS slice of the GraphQL API: the person's phone and SMS log, and the operators' SMS analytics. */
public final class SmsGraphQl implements GraphQlFeature {

    private static final int MAX_DAYS = 366;

    private final PhoneService phones;
    private final SmsLogRepository log;
    private final SmsSettings settings;
    private final Clock clock;

    public SmsGraphQl(PhoneService phones, SmsLogRepository log, SmsSettings settings, Clock clock) {
        this.phones = phones;
        this.log = log;
        this.settings = settings;
        this.clock = clock;
    }

    public record PhoneView(String number, boolean verified, Instant verifiedAt, Instant codeExpiresAt) {
        static PhoneView of(Phone phone) {
            return new PhoneView(phone.e164(), phone.verified(), phone.verifiedAt(), phone.codeExpiresAt());
        }
    }

    public record PhonePayload(PhoneView phone, List<UserError> userErrors) {
        static PhonePayload of(PhoneService.Result result) {
            return new PhonePayload(result.phone().map(PhoneView::of).orElse(null), result.errors());
        }
    }

    public record RemovePhonePayload(List<UserError> userErrors) {
    }

    public record SmsStatsView(long inbound, long outbound, long segments, double estimatedCost, long failed, Double failureRate,
                               Double sendLatencyP50Ms, Double sendLatencyP95Ms, Double deliveryLatencyP50Ms,
                               Double deliveryLatencyP95Ms) {
    }

    public record SmsDay(LocalDate date, SmsStatsView stats) {
    }

    public record SmsAnalyticsView(Instant from, Instant until, String currency, double pricePerSegment, SmsStatsView totals,
                                   List<SmsDay> days) {
    }

    @Override
    public List<NodeType<?>> nodeTypes() {
        return List.of(new NodeType<>("SmsMessage", SmsMessage.class, log::find));
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t
                        .dataFetcher("smsMessages", this::smsMessages)
                        .dataFetcher("smsAnalytics", this::smsAnalytics))
                .type("Mutation", t -> t
                        .dataFetcher("addPhone", this::addPhone)
                        .dataFetcher("verifyPhone", this::verifyPhone)
                        .dataFetcher("removePhone", this::removePhone))
                .type("User", t -> t.dataFetcher("phone", env -> GlobalId.decode("User", env.<AccountsGraphQl.UserView>getSource().id())
                        .flatMap(phones::phone).map(PhoneView::of).orElse(null)))
                .type("SmsMessage", t -> t
                        .dataFetcher("id", env -> GlobalId.encode("SmsMessage", env.<SmsMessage>getSource().id()))
                        .dataFetcher("error", env -> env.<SmsMessage>getSource().lastError())
                        .dataFetcher("sendLatencyMs", env -> millis(env.<SmsMessage>getSource().sendLatency()))
                        .dataFetcher("deliveryLatencyMs", env -> millis(env.<SmsMessage>getSource().deliveryLatency()))
                        .dataFetcher("estimatedCost", env -> {
                            SmsMessage message = env.getSource();
                            return message.billable() ? cost(message.segments()) : 0.0;
                        }));
    }

    private Connection<SmsMessage> smsMessages(DataFetchingEnvironment env) {
        PageRequest<KeysetCursor> request = PageRequest.newestFirst(env.getArgument("first"), env.getArgument("after"));
        return Connection.of(log.page(GraphQlEngine.context(env).owner(), request), m -> new KeysetCursor(m.createdAt(), m.id()).encode());
    }

    private SmsAnalyticsView smsAnalytics(DataFetchingEnvironment env) {
        Integer days = env.getArgument("days");
        if (days == null || days < 1 || days > MAX_DAYS) {
            throw new BadArgument("days must be between 1 and " + MAX_DAYS);
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate firstDay = today.minusDays(days - 1L);
        Instant from = firstDay.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant until = today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        SmsLogRepository.Analytics analytics = log.analytics(from, until);
        List<SmsDay> perDay = firstDay.datesUntil(today.plusDays(1))
                .map(day -> new SmsDay(day, view(analytics.days().getOrDefault(day, SmsStats.NONE))))
                .toList();
        return new SmsAnalyticsView(from, until, settings.currency(), settings.pricePerSegment().doubleValue(),
                view(analytics.totals()), perDay);
    }

    private PhonePayload addPhone(DataFetchingEnvironment env) {
        Map<String, Object> input = env.getArgument("input");
        RequestContext context = GraphQlEngine.context(env);
        return PhonePayload.of(phones.addPhone(context.owner(), (String) input.get("number"), context.client()));
    }

    private PhonePayload verifyPhone(DataFetchingEnvironment env) {
        Map<String, Object> input = env.getArgument("input");
        RequestContext context = GraphQlEngine.context(env);
        return PhonePayload.of(phones.verifyPhone(context.owner(), (String) input.get("code"), context.client()));
    }

    private RemovePhonePayload removePhone(DataFetchingEnvironment env) {
        RequestContext context = GraphQlEngine.context(env);
        return new RemovePhonePayload(phones.removePhone(context.owner(), context.client()).errors());
    }

    private SmsStatsView view(SmsStats stats) {
        return new SmsStatsView(stats.inbound(), stats.outbound(), stats.segments(), cost(stats.billableSegments()),
                stats.failed(), stats.failureRate(), stats.sendLatencyP50Ms(), stats.sendLatencyP95Ms(),
                stats.deliveryLatencyP50Ms(), stats.deliveryLatencyP95Ms());
    }

    private double cost(long segments) {
        return settings.pricePerSegment().multiply(BigDecimal.valueOf(segments)).doubleValue();
    }

    private static Double millis(Duration duration) {
        return duration == null ? null : duration.toNanos() / 1_000_000.0;
    }
}
