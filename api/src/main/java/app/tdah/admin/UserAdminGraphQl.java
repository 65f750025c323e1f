package app.tdah.admin;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import app.tdah.identity.Role;
import app.tdah.audit.AuditAction;
import app.tdah.audit.AuditEvent;
import app.tdah.audit.AuditLog;
import app.tdah.graphql.Connection;
import app.tdah.graphql.GlobalId;
import app.tdah.graphql.GraphQlEngine;
import app.tdah.graphql.GraphQlFeature;
import app.tdah.paging.KeysetCursor;
import app.tdah.paging.PageRequest;
import app.tdah.paging.SequenceCursor;
import app.tdah.graphql.RequestContext;
import app.tdah.errors.UserError;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderRegistry;

/**
 * Account administration over GraphQL: the people list, role changes, deactivation and the audit log. The schema's
 * {@code @auth(requires: MANAGE_USERS | READ_AUDIT_LOG)} admits admins only; fetchers just call the service.
 */
public final class UserAdminGraphQl implements GraphQlFeature {

    private static final String ACCOUNTS = "managedUsers";

    private final UserAdminService admin;

    public UserAdminGraphQl(UserAdminService admin) {
        this.admin = admin;
    }

    public record AuditDetail(String name, String value) {
    }

    public record ManagedUserPayload(ManagedUser user, List<UserError> userErrors) {
        static ManagedUserPayload of(UserAdminService.Result result) {
            return new ManagedUserPayload(result.user().orElse(null), result.errors());
        }
    }

    @Override
    public void registerLoaders(DataLoaderRegistry registry, RequestContext context) {
        registry.register(ACCOUNTS, DataLoaderFactory.newMappedDataLoader((Set<UUID> ids) ->
                CompletableFuture.completedFuture(admin.accounts(ids))));
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t
                        .dataFetcher("users", this::users)
                        .dataFetcher("auditLog", this::auditLog))
                .type("Mutation", t -> t
                        .dataFetcher("changeRole", env -> byUserId(env, (adminId, userId, in) -> admin.changeRole(adminId, userId,
                                Role.valueOf((String) in.get("role")), GraphQlEngine.context(env).client())))
                        .dataFetcher("deactivateUser", env -> byUserId(env, (adminId, userId, in) ->
                                admin.deactivate(adminId, userId, GraphQlEngine.context(env).client())))
                        .dataFetcher("reactivateUser", env -> byUserId(env, (adminId, userId, in) ->
                                admin.reactivate(adminId, userId, GraphQlEngine.context(env).client()))))
                .type("ManagedUser", t -> t
                        .dataFetcher("id", env -> GlobalId.encode("User", env.<ManagedUser>getSource().id())))
                .type("AuditEvent", t -> t
                        .dataFetcher("actorId", env -> personId(env.<AuditLog.Entry>getSource().actorId()))
                        .dataFetcher("subjectId", env -> personId(env.<AuditLog.Entry>getSource().subjectId()))
                        .dataFetcher("actor", env -> account(env, env.<AuditLog.Entry>getSource().actorId()))
                        .dataFetcher("subject", env -> account(env, env.<AuditLog.Entry>getSource().subjectId()))
                        .dataFetcher("details", env -> env.<AuditLog.Entry>getSource().details().entrySet().stream()
                                .sorted(Map.Entry.comparingByKey())
                                .map(e -> new AuditDetail(e.getKey(), e.getValue()))
                                .toList()));
    }

    private Connection<ManagedUser> users(DataFetchingEnvironment env) {
        RequestContext context = GraphQlEngine.context(env);
        PageRequest<KeysetCursor> request = PageRequest.newestFirst(env.getArgument("first"), env.getArgument("after"));
        Optional<String> search = Optional.ofNullable(env.<String>getArgument("search")).map(String::strip).filter(s -> !s.isEmpty());
        Optional<Role> role = Optional.ofNullable(env.<String>getArgument("role")).map(Role::valueOf);
        return Connection.of(admin.users(context.owner(), search, role, request, context.client()),
                u -> new KeysetCursor(u.createdAt(), u.id()).encode());
    }

    private Connection<AuditLog.Entry> auditLog(DataFetchingEnvironment env) {
        RequestContext context = GraphQlEngine.context(env);
        PageRequest<SequenceCursor> request = PageRequest.of(env.getArgument("first"), env.getArgument("after"), SequenceCursor::decode);
        String person = env.getArgument("person");
        Optional<UUID> personId = Optional.ofNullable(person).flatMap(id -> GlobalId.decode("User", id));
        if (person != null && personId.isEmpty()) {
            // Not a person's id at all: like an id that matches no one, it matches no event.
            return Connection.of(request.page(List.of(), 0), e -> new SequenceCursor(e.id()).encode());
        }
        AuditLog.Filter filter = new AuditLog.Filter(
                Optional.ofNullable(env.<String>getArgument("action")).map(AuditAction::valueOf),
                personId,
                Optional.ofNullable(env.<String>getArgument("outcome")).map(AuditEvent.Outcome::valueOf),
                Optional.ofNullable(env.<Instant>getArgument("from")),
                Optional.ofNullable(env.<Instant>getArgument("until")));
        return Connection.of(admin.auditPage(context.owner(), filter, request, context.client()),
                e -> new SequenceCursor(e.id()).encode());
    }

    @FunctionalInterface
    private interface AdminAction {
        UserAdminService.Result apply(UUID adminId, UUID userId, Map<String, Object> input);
    }

    private static ManagedUserPayload byUserId(DataFetchingEnvironment env, AdminAction action) {
        Map<String, Object> input = env.getArgument("input");
        return GlobalId.decode("User", (String) input.get("userId"))
                .map(userId -> ManagedUserPayload.of(action.apply(GraphQlEngine.context(env).owner(), userId, input)))
                .orElseGet(() -> new ManagedUserPayload(null, List.of(UserAdminService.NOT_FOUND)));
    }

    private static String personId(UUID id) {
        return id == null ? null : GlobalId.encode("User", id);
    }

    private static CompletableFuture<ManagedUser> account(DataFetchingEnvironment env, UUID id) {
        return id == null ? CompletableFuture.completedFuture(null) : env.<UUID, ManagedUser>getDataLoader(ACCOUNTS).load(id);
    }
}
