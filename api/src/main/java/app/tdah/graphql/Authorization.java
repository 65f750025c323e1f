package app.tdah.graphql;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import app.tdah.identity.Permission;
import app.tdah.identity.Principal;
import app.tdah.identity.Role;
import app.tdah.audit.AuditAction;
import app.tdah.audit.AuditEvent;
import app.tdah.errors.UserError;

import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;

/**
 * The one authorisation layer of the API. Every root field declares who may call it, {@code @auth(requires: ...)} or
 * {@code @anonymous}, and this wraps each {@code @auth} field's fetcher so the check runs before it: fetchers never
 * check roles themselves. The role is the account's current one, read once per request with the liveness of the
 * token's session ({@link RequestContext#role()}), so a role change, a deactivation or the end of the session takes
 * effect on the next request rather than when the access token expires.
 *
 * <p>A refused mutation answers its payload with a userError, as every business mistake does; a refused query field
 * answers null with an error coded UNAUTHENTICATED or FORBIDDEN.
 */
public final class Authorization {

    static final String AUTH = "auth";
    static final String ANONYMOUS = "anonymous";

    private final Consumer<AuditEvent> audit;

    public Authorization(Consumer<AuditEvent> audit) {
        this.audit = audit;
    }

    /** The schema with every {@code @auth} field guarded; fails at start-up if a root field declares nothing. */
    GraphQLSchema enforce(GraphQLSchema schema) {
        GraphQLCodeRegistry.Builder registry = GraphQLCodeRegistry.newCodeRegistry(schema.getCodeRegistry());
        for (GraphQLType type : schema.getAllTypesAsList()) {
            if (!(type instanceof GraphQLObjectType object) || object.getName().startsWith("__")) {
                continue;
            }
            boolean root = object == schema.getQueryType() || object == schema.getMutationType();
            for (GraphQLFieldDefinition field : object.getFieldDefinitions()) {
                GraphQLAppliedDirective auth = field.getAppliedDirective(AUTH);
                if (auth == null) {
                    if (root && field.getAppliedDirective(ANONYMOUS) == null) {
                        throw new IllegalStateException(object.getName() + "." + field.getName()
                                + " declares neither @auth nor @anonymous");
                    }
                    continue;
                }
                Permission required = Permission.valueOf(auth.getArgument("requires").getValue().toString());
                FieldCoordinates coordinates = FieldCoordinates.coordinates(object, field);
                DataFetcher<?> fetcher = registry.getDataFetcher(coordinates, field);
                boolean payload = isPayload(field);
                registry.dataFetcher(coordinates, (DataFetcher<Object>) env -> guarded(env, required, payload, fetcher));
            }
        }
        return schema.transform(b -> b.codeRegistry(registry.build()));
    }

    private Object guarded(DataFetchingEnvironment env, Permission required, boolean payload, DataFetcher<?> fetcher) throws Exception {
        RequestContext context = GraphQlEngine.context(env);
        Optional<Role> role = context.role();
        if (role.isEmpty()) {
            return refusal(env, payload, UserError.Code.NOT_AUTHENTICATED, "Please sign in.");
        }
        if (!role.get().permits(required)) {
            UUID userId = context.principal().map(Principal::userId).orElseThrow();
            audit.accept(AuditEvent.bySelf(AuditAction.ACCESS_DENIED, AuditEvent.Outcome.DENIED, userId, context.client(),
                    Map.of("field", env.getParentType() instanceof GraphQLObjectType o ? o.getName() + "." + env.getField().getName()
                            : env.getField().getName(), "requires", required.name())));
            return refusal(env, payload, UserError.Code.FORBIDDEN, "You don't have permission to do that.");
        }
        return fetcher.get(env);
    }

    private static Object refusal(DataFetchingEnvironment env, boolean payload, UserError.Code code, String message) {
        if (payload) {
            return Map.of("userErrors", List.of(new UserError(null, message, code)));
        }
        return DataFetcherResult.newResult()
                .data(null)
                .error(GraphqlErrorBuilder.newError(env)
                        .message(message)
                        .extensions(Map.of("code", code == UserError.Code.FORBIDDEN ? "FORBIDDEN" : "UNAUTHENTICATED"))
                        .build())
                .build();
    }

    /** A mutation payload: an object with userErrors, which is where a refusal belongs. */
    static boolean isPayload(GraphQLFieldDefinition field) {
        return GraphQLTypeUtil.unwrapAll(field.getType()) instanceof GraphQLObjectType type
                && type.getFieldDefinition("userErrors") != null;
    }
}
