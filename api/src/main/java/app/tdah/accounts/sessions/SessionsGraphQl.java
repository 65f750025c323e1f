package app.tdah.accounts.sessions;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import app.tdah.graphql.Connection;
import app.tdah.graphql.GlobalId;
import app.tdah.graphql.GraphQlEngine;
import app.tdah.graphql.GraphQlFeature;
import app.tdah.paging.KeysetCursor;
import app.tdah.paging.PageRequest;
import app.tdah.graphql.NodeType;
import app.tdah.graphql.RequestContext;
import app.tdah.errors.UserError;
import app.tdah.identity.Principal;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;

/** The person's sessions: the list with the current one marked, and ending one or all the others. */
public final class SessionsGraphQl implements GraphQlFeature {

    private static final String TYPE = "Session";
    private static final UserError NOT_FOUND = new UserError("id",
            "That session has already ended, or it is not one of yours.", UserError.Code.NOT_FOUND);

    private final SessionService sessions;

    public SessionsGraphQl(SessionService sessions) {
        this.sessions = sessions;
    }

    public record SessionView(String id, String userAgent, String ip, Instant createdAt, Instant lastSeenAt,
                              Instant expiresAt, boolean current) {
        static SessionView of(Session session, Optional<UUID> current) {
            return new SessionView(GlobalId.encode(TYPE, session.id()), session.userAgent(), session.ip(),
                    session.createdAt(), session.lastSeenAt(), session.expiresAt(), current.filter(session.id()::equals).isPresent());
        }
    }

    public record RevokeSessionPayload(List<UserError> userErrors) {
    }

    public record RevokeOtherSessionsPayload(Long revokedCount, List<UserError> userErrors) {
    }

    @Override
    public List<NodeType<?>> nodeTypes() {
        // node(id:) has no request at hand, so a session fetched that way never claims to be the current one.
        return List.of(new NodeType<>(TYPE, SessionView.class,
                (owner, id) -> sessions.find(owner, id).map(s -> SessionView.of(s, Optional.empty()))));
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t.dataFetcher("sessions", this::page))
                .type("Mutation", t -> t
                        .dataFetcher("revokeSession", this::revoke)
                        .dataFetcher("revokeOtherSessions", this::revokeOthers));
    }

    private Connection<SessionView> page(DataFetchingEnvironment env) {
        RequestContext context = GraphQlEngine.context(env);
        UUID owner = context.owner();
        Optional<UUID> current = context.principal().map(Principal::sessionId);
        return Connection.of(sessions.page(owner, PageRequest.newestFirst(env.getArgument("first"), env.getArgument("after"))),
                s -> new KeysetCursor(s.createdAt(), s.id()).encode(), s -> SessionView.of(s, current));
    }

    private RevokeSessionPayload revoke(DataFetchingEnvironment env) {
        RequestContext context = GraphQlEngine.context(env);
        UUID owner = context.owner();
        Map<String, Object> input = env.getArgument("input");
        boolean revoked = GlobalId.decode(TYPE, (String) input.get("id"))
                .map(id -> sessions.revoke(owner, id, context.client()))
                .orElse(false);
        return new RevokeSessionPayload(revoked ? List.of() : List.of(NOT_FOUND));
    }

    private RevokeOtherSessionsPayload revokeOthers(DataFetchingEnvironment env) {
        RequestContext context = GraphQlEngine.context(env);
        Principal principal = context.principal().orElseThrow();
        return new RevokeOtherSessionsPayload(sessions.revokeOthers(principal.userId(), principal.sessionId(), context.client()),
                List.of());
    }
}
