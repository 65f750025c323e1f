package app.tdah.admin;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import app.tdah.errors.BadArgument;
import app.tdah.identity.Principal;
import app.tdah.identity.Role;
import app.tdah.audit.AuditAction;
import app.tdah.audit.AuditEvent;
import app.tdah.audit.AuditLog;
import app.tdah.graphql.GlobalId;
import app.tdah.graphql.GraphQlEngine;
import app.tdah.graphql.GraphQlFeature;
import app.tdah.paging.KeysetCursor;
import app.tdah.graphql.RequestContext;
import app.tdah.errors.UserError;

import graphql.GraphqlErrorException;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderRegistry;

/**
 * Account administration over GraphQL: the people list, role changes, deactivation and the audit log. The schema's
 * {@code @auth(requires: MANAGE_USERS | READ_AUDIT_LOG)} admits admins only; fetchers just call the service.
 */
public final class UserAdminGraphQl implements GraphQlFeature {

    private static final int MAX_PAGE = 100;
    private static final String ACCOUNTS = "managedUsers";

    private final UserAdminService admin;

    public UserAdminGraphQl(UserAdminService admin) {
        this.admin = admin;
    }

    public record ManagedUserConnection(List<ManagedUserEdge> edges, PageInfo pageInfo, long totalCount) {
    }

    public record ManagedUserEdge(String cursor, ManagedUser node) {
    }

    public record AuditEventConnection(List<AuditEventEdge> edges, PageInfo pageInfo, long totalCount) {
    }

    public record AuditEventEdge(String cursor, AuditLog.Entry node) {
    }

    public record AuditDetail(String name, String value) {
    }

    public record PageInfo(boolean hasNextPage, String endCursor) {
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

    private ManagedUserConnection users(DataFetchingEnvironment env) {
        RequestContext context = GraphQlEngine.context(env);
        int first = KeysetCursor.pageSize(env.getArgument("first"), MAX_PAGE);
        KeysetCursor after = Optional.ofNullable(env.<String>getArgument("after")).map(KeysetCursor::decode).orElse(null);
        Optional<String> search = Optional.ofNullable(env.<String>getArgument("search")).map(String::strip).filter(s -> !s.isEmpty());
        Optional<Role> role = Optional.ofNullable(env.<String>getArgument("role")).map(Role::valueOf);
        UserAdminRepository.Page page = admin.users(adminId(env), search, role, after, first, context.client());
        List<ManagedUserEdge> edges = page.users().stream()
                .map(u -> new ManagedUserEdge(new KeysetCursor(u.createdAt(), u.id()).encode(), u)).toList();
        return new ManagedUserConnection(edges, new PageInfo(page.hasNext(), edges.isEmpty() ? null : edges.getLast().cursor()),
                page.totalCount());
    }

    private AuditEventConnection auditLog(DataFetchingEnvironment env) {
        int first = KeysetCursor.pageSize(env.getArgument("first"), MAX_PAGE);
        Optional<Long> before = Optional.ofNullable(env.<String>getArgument("after")).map(UserAdminGraphQl::decodeAuditCursor);
        String person = env.getArgument("person");
        Optional<UUID> personId = Optional.ofNullable(person).flatMap(id -> GlobalId.decode("User", id));
        if (person != null && personId.isEmpty()) {
            // Not a person's id at all: like an id that matches no one, it matches no event.
            return new AuditEventConnection(List.of(), new PageInfo(false, null), 0);
        }
        AuditLog.Filter filter = new AuditLog.Filter(
                Optional.ofNullable(env.<String>getArgument("action")).map(AuditAction::valueOf),
                personId,
                Optional.ofNullable(env.<String>getArgument("outcome")).map(AuditEvent.Outcome::valueOf),
                Optional.ofNullable(env.<Instant>getArgument("from")),
                Optional.ofNullable(env.<Instant>getArgument("until")));
        List<AuditLog.Entry> rows = admin.auditPage(adminId(env), filter, before, first + 1, GraphQlEngine.context(env).client());
        boolean hasNext = rows.size() > first;
        List<AuditEventEdge> edges = rows.stream().limit(first)
                .map(e -> new AuditEventEdge(encodeAuditCursor(e.id()), e)).toList();
        return new AuditEventConnection(edges, new PageInfo(hasNext, edges.isEmpty() ? null : edges.getLast().cursor()),
                admin.auditCount(filter));
    }

    @FunctionalInterface
    private interface AdminAction {
        UserAdminService.Result apply(UUID adminId, UUID userId, Map<String, Object> input);
    }

    private static ManagedUserPayload byUserId(DataFetchingEnvironment env, AdminAction action) {
        Map<String, Object> input = env.getArgument("input");
        return GlobalId.decode("User", (String) input.get("userId"))
                .map(userId -> ManagedUserPayload.of(action.apply(adminId(env), userId, input)))
                .orElseGet(() -> new ManagedUserPayload(null, List.of(UserAdminService.NOT_FOUND)));
    }

    private static UUID adminId(DataFetchingEnvironment env) {
        // The @auth layer ran first: there is a signed-in admin.
        return GraphQlEngine.context(env).principal().map(Principal::userId).orElseThrow();
    }

    private static String personId(UUID id) {
        return id == null ? null : GlobalId.encode("User", id);
    }

    private static CompletableFuture<ManagedUser> account(DataFetchingEnvironment env, UUID id) {
        return id == null ? CompletableFuture.completedFuture(null) : env.<UUID, ManagedUser>getDataLoader(ACCOUNTS).load(id);
    }

    /** The audit log's cursor: the last event's id, opaque to clients. */
    private static String encodeAuditCursor(long id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("audit:" + id).getBytes(StandardCharsets.UTF_8));
    }

    private static long decodeAuditCursor(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith("audit:")) {
                return Long.parseLong(text.substring("audit:".length()));
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below
        }
        throw new BadArgument("Invalid cursor");
    }
}
