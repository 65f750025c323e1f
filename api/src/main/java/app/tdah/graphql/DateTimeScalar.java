package app.tdah.graphql;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;

/** The ISO-8601 {@code DateTime} scalar: an instant with its offset, e.g. 2026-11-25T14:00:00Z. */
final class DateTimeScalar {

    private DateTimeScalar() {
    }

    static final GraphQLScalarType INSTANCE = GraphQLScalarType.newScalar()
            .name("DateTime")
            .description("An instant, ISO-8601 with offset")
            .coercing(new Coercing<Instant, String>() {
                @Override
                public String serialize(Object value, GraphQLContext context, Locale locale) {
                    if (value instanceof Instant instant) {
                        return instant.toString();
                    }
                    if (value instanceof OffsetDateTime odt) {
                        return odt.toInstant().toString();
                    }
                    throw new CoercingSerializeException("Not a date-time: " + value);
                }

                @Override
                public Instant parseValue(Object input, GraphQLContext context, Locale locale) {
                    return parse(String.valueOf(input), CoercingParseValueException::new);
                }

                @Override
                public Instant parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                    if (input instanceof StringValue s) {
                        return parse(s.getValue(), CoercingParseLiteralException::new);
                    }
                    throw new CoercingParseLiteralException("DateTime must be a string");
                }
            })
            .build();

    private static <E extends RuntimeException> Instant parse(String text, java.util.function.Function<String, E> error) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw error.apply("Not an ISO-8601 date-time with offset: " + text);
        }
    }
}
