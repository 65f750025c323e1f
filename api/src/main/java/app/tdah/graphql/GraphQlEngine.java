package app.tdah.graphql;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import app.tdah.errors.BadArgument;
import app.tdah.errors.Overloaded;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerParameters;
import graphql.execution.DataFetcherExceptionHandlerResult;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import org.dataloader.DataLoaderRegistry;

/**
 * The executable schema: the SDL from graphql-schema, each feature's data fetchers, and the limits of one operation
 * (its depth, its complexity, and how many mutations it may run).
 */
public final class GraphQlEngine {

    private static final System.Logger LOG = System.getLogger(GraphQlEngine.class.getName());

    private final String schemaText;
    private final GraphQL graphQl;
    private final List<GraphQlFeature> features;

    public GraphQlEngine(SchemaSource source, List<GraphQlFeature> features, Authorization authorization,
                         int maxDepth, int maxComplexity, int maxMutations) {
        this.schemaText = source.text();
        this.features = List.copyOf(features);
        List<NodeType<?>> nodeTypes = features.stream().flatMap(f -> f.nodeTypes().stream()).toList();
        RuntimeWiring.Builder wiring = RuntimeWiring.newRuntimeWiring()
                .scalar(IsoScalars.DATE_TIME)
                .scalar(IsoScalars.DATE)
                .type("Query", t -> t
                        .dataFetcher("apiVersion", env -> "1")
                        .dataFetcher("node", env -> node(nodeTypes, env)))
                .type("Node", t -> t.typeResolver(env -> nodeTypes.stream()
                        .filter(n -> n.javaType().isInstance(env.getObject()))
                        .findFirst()
                        .map(n -> env.getSchema().getObjectType(n.typeName()))
                        .orElse(null)));
        features.forEach(f -> f.wire(wiring));
        GraphQLSchema schema = OverloadedMutations.answerInPayloads(
                authorization.enforce(new SchemaGenerator().makeExecutableSchema(source.types(), wiring.build())));
        this.graphQl = GraphQL.newGraphQL(schema)
                .instrumentation(new ChainedInstrumentation(List.of(
                        new MaxQueryDepthInstrumentation(maxDepth),
                        new MaxQueryComplexityInstrumentation(maxComplexity),
                        new MaxMutationFields(maxMutations),
                        OperationMetrics.ofKnownOperations())))
                .defaultDataFetcherExceptionHandler(new HidingExceptionHandler())
                .build();
    }

    public String schemaText() {
        return schemaText;
    }

    public ExecutionResult execute(String query, String operationName, Map<String, Object> variables, RequestContext context) {
        DataLoaderRegistry loaders = new DataLoaderRegistry();
        features.forEach(f -> f.registerLoaders(loaders, context));
        ExecutionInput input = ExecutionInput.newExecutionInput()
                .dataLoaderRegistry(loaders)
                .query(query)
                .operationName(operationName)
                .variables(variables == null ? Map.of() : variables)
                .graphQLContext(Map.of(RequestContext.class, context))
                .build();
        return graphQl.execute(input);
    }

    public static RequestContext context(graphql.schema.DataFetchingEnvironment env) {
        return env.getGraphQlContext().get(RequestContext.class);
    }

    /** {@code node(id:)}: only the signed-in person's own objects; anything else is null, as if it did not exist. */
    private static Object node(List<NodeType<?>> nodeTypes, graphql.schema.DataFetchingEnvironment env) {
        var parsed = GlobalId.parse(env.getArgument("id"));
        if (parsed.isEmpty()) {
            return null;
        }
        return nodeTypes.stream()
                .filter(n -> n.typeName().equals(parsed.get().type()))
                .findFirst()
                .flatMap(n -> n.loader().load(context(env).owner(), parsed.get().id()).map(Object.class::cast))
                .orElse(null);
    }

    /**
     * A {@link BadArgument} reaches the client with its message (code BAD_ARGUMENT), as does an {@link Overloaded}
     * outside a mutation's payload (code RATE_LIMITED); any other unexpected failure in a data fetcher is logged in
     * full and shown to the client only as "Internal error".
     */
    private static final class HidingExceptionHandler implements DataFetcherExceptionHandler {
        @Override
        public CompletableFuture<DataFetcherExceptionHandlerResult> handleException(DataFetcherExceptionHandlerParameters params) {
            GraphQLError error = switch (params.getException()) {
                case GraphQLError meantForTheClient -> meantForTheClient;
                case BadArgument badArgument -> error(params, badArgument.getMessage(), "BAD_ARGUMENT");
                case Overloaded overloaded -> error(params, overloaded.getMessage(), "RATE_LIMITED");
                case Throwable unexpected -> {
                    LOG.log(System.Logger.Level.ERROR, "GraphQL data fetcher failed at " + params.getPath(), unexpected);
                    yield error(params, "Internal error", "INTERNAL");
                }
            };
            return CompletableFuture.completedFuture(DataFetcherExceptionHandlerResult.newResult(error).build());
        }

        private static GraphQLError error(DataFetcherExceptionHandlerParameters params, String message, String code) {
            return GraphqlErrorBuilder.newError()
                    .message(message)
                    .path(params.getPath())
                    .location(params.getSourceLocation())
                    .extensions(Map.of("code", code))
                    .build();
        }
    }
}
