package app.tdah.graphql;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

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

/** The executable schema: the SDL from graphql-schema, each feature's data fetchers, and the query limits. */
public final class GraphQlEngine {

    private static final System.Logger LOG = System.getLogger(GraphQlEngine.class.getName());

    private final String schemaText;
    private final GraphQL graphQl;

    public GraphQlEngine(SchemaSource source, List<GraphQlFeature> features, int maxDepth, int maxComplexity) {
        this.schemaText = source.text();
        RuntimeWiring.Builder wiring = RuntimeWiring.newRuntimeWiring()
                .scalar(DateTimeScalar.INSTANCE)
                .type("Query", t -> t.dataFetcher("apiVersion", env -> "1"));
        features.forEach(f -> f.wire(wiring));
        GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(source.types(), wiring.build());
        this.graphQl = GraphQL.newGraphQL(schema)
                .instrumentation(new ChainedInstrumentation(List.of(
                        new MaxQueryDepthInstrumentation(maxDepth),
                        new MaxQueryComplexityInstrumentation(maxComplexity),
                        new OperationMetrics())))
                .defaultDataFetcherExceptionHandler(new HidingExceptionHandler())
                .build();
    }

    public String schemaText() {
        return schemaText;
    }

    public ExecutionResult execute(String query, String operationName, Map<String, Object> variables, RequestContext context) {
        ExecutionInput input = ExecutionInput.newExecutionInput()
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

    /** An unexpected failure in a data fetcher is logged in full and shown to the client only as "Internal error". */
    private static final class HidingExceptionHandler implements DataFetcherExceptionHandler {
        @Override
        public CompletableFuture<DataFetcherExceptionHandlerResult> handleException(DataFetcherExceptionHandlerParameters params) {
            LOG.log(System.Logger.Level.ERROR, "GraphQL data fetcher failed at " + params.getPath(), params.getException());
            GraphQLError error = GraphqlErrorBuilder.newError()
                    .message("Internal error")
                    .path(params.getPath())
                    .location(params.getSourceLocation())
                    .extensions(Map.of("code", "INTERNAL"))
                    .build();
            return CompletableFuture.completedFuture(DataFetcherExceptionHandlerResult.newResult(error).build());
        }
    }
}
