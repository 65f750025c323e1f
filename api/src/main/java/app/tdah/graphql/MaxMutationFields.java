package app.tdah.graphql;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;

/**
 * Refuses a mutation operation with more root fields than the limit before any of them runs. Aliases let one request
 * carry the same mutation many times (40 {@code register} calls in one POST), which would multiply every per-request
 * limit; fields behind fragments count too, and {@code @skip}/{@code @include} are not trusted to lower the count.
 */
final class MaxMutationFields extends SimplePerformantInstrumentation {

    static final String CODE = "TOO_MANY_MUTATIONS";

    private final int max;

    MaxMutationFields(int max) {
        this.max = max;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
                                                                        InstrumentationState state) {
        var execution = parameters.getExecutionContext();
        OperationDefinition operation = execution.getOperationDefinition();
        if (operation.getOperation() == OperationDefinition.Operation.MUTATION) {
            int count = count(operation.getSelectionSet(), execution.getFragmentsByName(), new HashSet<>());
            if (count > max) {
                throw new AbortExecutionException(List.of(GraphqlErrorBuilder.newError()
                        .message("An operation may run at most " + max + " mutations; this one has " + count
                                + ". Send them as separate requests.")
                        .extensions(Map.of("code", CODE))
                        .build()));
            }
        }
        return SimpleInstrumentationContext.noOp();
    }

    private static int count(SelectionSet selections, Map<String, FragmentDefinition> fragments, Set<String> entered) {
        int count = 0;
        for (Selection<?> selection : selections.getSelections()) {
            count += switch (selection) {
                case Field field -> 1;
                case InlineFragment inline -> count(inline.getSelectionSet(), fragments, entered);
                // Validation has already refused unknown and cyclic fragments; entered guards against counting twice.
                case FragmentSpread spread -> entered.add(spread.getName()) && fragments.containsKey(spread.getName())
                        ? count(fragments.get(spread.getName()).getSelectionSet(), fragments, entered) : 0;
                default -> 0;
            };
        }
        return count;
    }
}
