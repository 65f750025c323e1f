package app.tdah.graphql;

import java.time.LocalDate;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;

/**
 * The ISO-8601 {@code Date} scalar. Well-formed dates of any year parse here (a 5-digit year too), so that a date out
 * of the product's range becomes a user error from the service, naming the field, rather than a coercion error.
 */
final class DateScalar {

    private static final Pattern SHAPE = Pattern.compile("([+-]?\\d{4,9})-(\\d{2})-(\\d{2})");

    private DateScalar() {
    }

    static final GraphQLScalarType INSTANCE = GraphQLScalarType.newScalar()
            .name("Date")
            .description("A calendar date, ISO-8601")
            .coercing(new Coercing<LocalDate, String>() {
                @Override
                public String serialize(Object value, GraphQLContext context, Locale locale) {
                    if (value instanceof LocalDate date) {
                        return date.toString();
                    }
                    throw new CoercingSerializeException("Not a date: " + value);
                }

                @Override
                public LocalDate parseValue(Object input, GraphQLContext context, Locale locale) {
                    return parse(String.valueOf(input), CoercingParseValueException::new);
                }

                @Override
                public LocalDate parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                    if (input instanceof StringValue s) {
                        return parse(s.getValue(), CoercingParseLiteralException::new);
                    }
                    throw new CoercingParseLiteralException("Date must be a string like 2026-11-25");
                }
            })
            .build();

    private static <E extends RuntimeException> LocalDate parse(String text, Function<String, E> error) {
        var m = SHAPE.matcher(text);
        if (!m.matches()) {
            throw error.apply("Not an ISO-8601 date (YYYY-MM-DD): " + text);
        }
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (java.time.DateTimeException | NumberFormatException e) {
            throw error.apply("Not a valid date: " + text);
        }
    }
}
