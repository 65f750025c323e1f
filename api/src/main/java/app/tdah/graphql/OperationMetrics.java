package app.tdah.graphql;

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

/** Counts executed GraphQL operations by name and type: {@code graphql_operations_total{operation,type}}. */
final class OperationMetrics extends SimplePerformantInstrumentation {

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
                                                                        InstrumentationState state) {
        OperationDefinition operation = parameters.getExecutionContext().getOperationDefinition();
        String name = operation.getName() == null ? "anonymous" : operation.getName();
        Metrics.getOrCreate(Counter.builder("graphql.operations")
                        .description("GraphQL operations executed, by operation name and type")
                        .tags(java.util.List.of(Tag.create("operation", name),
                                Tag.create("type", operation.getOperation().name().toLowerCase(java.util.Locale.ROOT)))))
                .increment();
        return SimpleInstrumentationContext.noOp();
    }
}
