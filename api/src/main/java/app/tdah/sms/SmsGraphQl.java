package app.tdah.sms;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

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

    private final PhoneService phones;
    private final SmsLogService log;

    public SmsGraphQl(PhoneService phones, SmsLogService log) {
        this.phones = phones;
        this.log = log;
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

    @Override
    public List<NodeType<?>> nodeTypes() {
        return List.of(new NodeType<>("SmsMessage", SmsMessage.class, log::find));
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t
                        .dataFetcher("smsMessages", this::smsMessages)
                        .dataFetcher("smsAnalytics", env -> log.analytics(env.getArgument("days"))))
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
                        .dataFetcher("estimatedCost", env -> log.estimatedCost(env.getSource())));
    }

    private Connection<SmsMessage> smsMessages(DataFetchingEnvironment env) {
        PageRequest<KeysetCursor> request = PageRequest.newestFirst(env.getArgument("first"), env.getArgument("after"));
        return Connection.of(log.page(GraphQlEngine.context(env).owner(), request), m -> new KeysetCursor(m.createdAt(), m.id()).encode());
    }

    private PhonePayload addPhone(DataFetchingEnvironment env) {
        Map<String, Object> input = env.getArgument("input");
        RequestContext context = GraphQlEngine.context(env);
        return PhonePayload.of(phones.addPhone(context.owner(), context.session(), (String) input.get("number"),
                context.client()));
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

    private static Double millis(Duration duration) {
        return duration == null ? null : duration.toNanos() / 1_000_000.0;
    }
}
