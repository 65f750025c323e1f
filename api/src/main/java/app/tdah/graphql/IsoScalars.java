package app.tdah.graphql;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
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

/** The API's two time scalars, both ISO-8601 strings: {@code DateTime} (an instant) and {@code Date} (a calendar day). */
final class IsoScalars {

    private static final Pattern DATE_SHAPE = Pattern.compile("([+-]?\\d{4,9})-(\\d{2})-(\\d{2})");

    private IsoScalars() {
    }

    static final GraphQLScalarType DATE_TIME = scalar("DateTime", "An instant, ISO-8601 with offset",
            value -> value instanceof Instant i ? Optional.of(i.toString())
                    : value instanceof OffsetDateTime o ? Optional.of(o.toInstant().toString()) : Optional.empty(),
            text -> OffsetDateTime.parse(text).toInstant());

    /**
     * Well-formed dates of any year parse (a 5-digit year too), so that a date out of the product's range becomes a
     * user error from the service, naming the field, rather than a coercion error.
     */
    static final GraphQLScalarType DATE = scalar("Date", "A calendar date, ISO-8601",
            value -> value instanceof LocalDate d ? Optional.of(d.toString()) : Optional.empty(),
            text -> {
                Matcher m = DATE_SHAPE.matcher(text);
                if (!m.matches()) {
                    throw new DateTimeException("not YYYY-MM-DD");
                }
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            });

    private static <T> GraphQLScalarType scalar(String name, String description, Function<Object, Optional<String>> format,
                                                Function<String, T> parse) {
        return GraphQLScalarType.newScalar()
                .name(name)
                .description(description)
                .coercing(new Coercing<T, String>() {
                    @Override
                    public String serialize(Object value, GraphQLContext context, Locale locale) {
                        return format.apply(value).orElseThrow(() -> new CoercingSerializeException("Not a " + name + ": " + value));
                    }

                    @Override
                    public T parseValue(Object input, GraphQLContext context, Locale locale) {
                        return parseOr(String.valueOf(input), CoercingParseValueException::new);
                    }

                    @Override
                    public T parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                        if (input instanceof StringValue s) {
                            return parseOr(s.getValue(), CoercingParseLiteralException::new);
                        }
                        throw new CoercingParseLiteralException(name + " must be an ISO-8601 string");
                    }

                    private <E extends RuntimeException> T parseOr(String text, Function<String, E> error) {
                        try {
                            return parse.apply(text);
                        } catch (DateTimeException | NumberFormatException e) {
                            throw error.apply("Not an ISO-8601 " + name + ": " + text);
                        }
                    }
                })
                .build();
    }
}
