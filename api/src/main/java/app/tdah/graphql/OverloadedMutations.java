package app.tdah.graphql;

import java.util.List;
import java.util.Map;

import app.tdah.errors.Overloaded;
import app.tdah.errors.UserError;

import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;

/**
 * A mutation the server has no capacity for right now ({@link Overloaded}) answers its payload with a
 * {@code RATE_LIMITED} userError, as every refusal a person can act on does: they try again in a moment.
 */
final class OverloadedMutations {

    private OverloadedMutations() {
    }

    static GraphQLSchema answerInPayloads(GraphQLSchema schema) {
        GraphQLObjectType mutation = schema.getMutationType();
        GraphQLCodeRegistry.Builder registry = GraphQLCodeRegistry.newCodeRegistry(schema.getCodeRegistry());
        for (GraphQLFieldDefinition field : mutation.getFieldDefinitions()) {
            if (!Authorization.isPayload(field)) {
                continue;
            }
            FieldCoordinates coordinates = FieldCoordinates.coordinates(mutation, field);
            DataFetcher<?> fetcher = registry.getDataFetcher(coordinates, field);
            registry.dataFetcher(coordinates, (DataFetcher<Object>) env -> {
                try {
                    return fetcher.get(env);
                } catch (Overloaded e) {
                    return Map.of("userErrors", List.of(new UserError(null, e.getMessage(), UserError.Code.RATE_LIMITED)));
                }
            });
        }
        return schema.transform(b -> b.codeRegistry(registry.build()));
    }
}
