package app.tdah.graphql;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import graphql.ExecutionResult;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.OperationDefinition;

import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.Metrics;
import io.helidon.metrics.api.Tag;

/**
 * Counts executed GraphQL operations by name and type: {@code graphql_operations_total{operation,type}}. Only the
 * names first-party clients send ({@value #KNOWN_OPERATIONS}) become labels; any other name counts as {@code other},
 * so that a client making up names cannot add a time series per request.
 */
final class OperationMetrics extends SimplePerformantInstrumentation {

    static final String KNOWN_OPERATIONS = "graphql-operations.txt";
    static final String OTHER = "other";

    private final Set<String> known;

    private OperationMetrics(Set<String> known) {
        this.known = Set.copyOf(known);
    }

    /** Labelled by the operation names listed in {@value #KNOWN_OPERATIONS} on the classpath. */
    static OperationMetrics ofKnownOperations() {
        return new OperationMetrics(knownOperations());
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
                                                                        InstrumentationState state) {
        OperationDefinition operation = parameters.getExecutionContext().getOperationDefinition();
        String name = operation.getName() == null ? "anonymous" : known.contains(operation.getName()) ? operation.getName() : OTHER;
        Metrics.getOrCreate(Counter.builder("graphql.operations")
                        .description("GraphQL operations executed, by operation name (or other) and type")
                        .tags(List.of(Tag.create("operation", name),
                                Tag.create("type", operation.getOperation().name().toLowerCase(Locale.ROOT)))))
                .increment();
        return SimpleInstrumentationContext.noOp();
    }

    static Set<String> knownOperations() {
        try (InputStream in = OperationMetrics.class.getClassLoader().getResourceAsStream(KNOWN_OPERATIONS)) {
            if (in == null) {
                throw new IllegalStateException(KNOWN_OPERATIONS + " is not on the classpath");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
