package app.tdah.graphql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import app.tdah.testing.GraphQlClient;
import app.tdah.testing.ServerExtension;
import app.tdah.testing.TestAccounts;
import app.tdah.testing.TestSql;
import app.tdah.testing.TestDates;

import com.fasterxml.jackson.databind.JsonNode;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tenant isolation, generated from the running server's own schema. Person A makes one object of every type that
 * implements Node (one or more {@link #EXAMPLES} each). Then every Query and Mutation field that takes an ID, as an
 * argument or anywhere inside its input, is called by person B with each of A's ids in every ID position. B must get
 * exactly the answer an id that exists nowhere gets, that answer must be a NOT_FOUND or FORBIDDEN user error or null,
 * it must not show A's id, and all of A's rows must be as they were.
 *
 * <p>New fields are covered without anyone listing them. A new Node type fails {@link #everyNodeTypeHasAnExample}
 * until someone adds a one-line example of how A makes one.
 */
class TenantIsolationTest {

    // Web only: no background job touches A's rows while they are compared.
    @RegisterExtension
    static final ServerExtension server = ServerExtension.start(Map.of("pa.roles", "web"));

    private static final String CREATE_TASK = """
            mutation C($i: CreateTaskInput!) { createTask(input: $i) { task { id reminders { id } } userErrors { message } } }""";

    /** Person A, as an example sees them. */
    private record Owner(GraphQlClient client, UUID userId, TestSql sql) {
        String createTask(Map<String, Object> input) {
            return task(input).path("id").asText();
        }

        JsonNode task(Map<String, Object> input) {
            JsonNode payload = client.execute(CREATE_TASK, Map.of("i", input)).data("createTask");
            assertThat(payload.path("userErrors")).as(payload.toString()).isEmpty();
            return payload.path("task");
        }
    }

    /** How person A makes one object of a Node type; returns its global id. */
    private record Example(String type, String what, Function<Owner, String> create) {
    }

    private static final List<Example> EXAMPLES = List.of(
            new Example("User", "the person", a -> GlobalId.encode("User", a.userId())),
            new Example("ManagedUser", "the person's account as admins see it", a -> GlobalId.encode("User", a.userId())),
            new Example("Task", "a task", a -> a.createTask(Map.of("title", "A's task", "dueDate", TestDates.future("05-01")))),
            new Example("Task", "a subtask", a -> a.createTask(Map.of("title", "A's step",
                    "parentId", a.createTask(Map.of("title", "A's parent task"))))),
            new Example("Reminder", "a reminder", a -> a.task(Map.of("title", "A's reminded task", "dueAt", TestDates.future("05-01T10:00:00Z"),
                    "reminders", List.of(Map.of("offsetMinutes", 15)))).path("reminders").path(0).path("id").asText()),
            new Example("Notification", "a notification", a -> {
                UUID id = UUID.randomUUID();
                a.sql().update("INSERT INTO notifications (id, user_id, title) VALUES (?, ?, 'for A only')", id, a.userId());
                return GlobalId.encode("Notification", id);
            }),
            new Example("ExternalIdentity", "a linked Google identity (linking needs a provider round trip)", a -> {
                UUID id = UUID.randomUUID();
                a.sql().update("INSERT INTO external_identities (id, user_id, provider, subject) VALUES (?, ?, 'google', ?)",
                        id, a.userId(), "google-" + id);
                return GlobalId.encode("ExternalIdentity", id);
            }),
            new Example("Integration", "a connected Google account (connecting needs a provider round trip)", a -> {
                UUID id = UUID.randomUUID();
                a.sql().update("INSERT INTO integrations (id, user_id, provider, account_id, granted_scope, status, connected_at, "
                        + "status_changed_at) VALUES (?, ?, 'google', ?, 'openid', 'NEEDS_RECONNECT', now(), now())",
                        id, a.userId(), "google-" + id);
                return GlobalId.encode("Integration", id);
            }),
            new Example("Session", "the session A signed up with", a -> a.client()
                    .execute("{ sessions { edges { node { id } } } }").data("sessions").path("edges").path(0).path("node").path("id").asText()),
            new Example("SmsMessage", "a text in the SMS log", a -> {
                UUID id = UUID.randomUUID();
                a.sql().update("INSERT INTO sms_messages (id, direction, user_id, phone, body, encoding, segments, kind, status) "
                        + "VALUES (?, 'INBOUND', ?, '+14155550100', 'for A only', 'GSM7', 1, 'INBOUND', 'RECEIVED')", id, a.userId());
                return GlobalId.encode("SmsMessage", id);
            }));

    /** Bulk fields that skip ids that are not the caller's rather than refusing them (still answering as for unknown ids). */
    private static final Set<String> SKIP_FOREIGN_IDS = Set.of("Mutation.markNotificationsRead");

    /**
     * Input a field needs besides its ids for the lookup to be reached at all; everything else generated is the least
     * the schema requires. Merged into the field's {@code input} argument (or its arguments for a query).
     */
    private static final Map<String, Map<String, Object>> EXTRA_INPUT = Map.of(
            "Mutation.snoozeTask", Map.of("minutes", 30));

    private static final Set<String> REFUSALS = Set.of("NOT_FOUND", "FORBIDDEN");

    @Test
    void everyNodeTypeHasAnExample() {
        Set<String> nodeTypes = schema().getImplementations((GraphQLInterfaceType) schema().getType("Node")).stream()
                .map(GraphQLObjectType::getName).collect(Collectors.toSet());
        Set<String> covered = EXAMPLES.stream().map(Example::type).collect(Collectors.toSet());
        assertThat(covered).as("add to TenantIsolationTest.EXAMPLES how person A makes an object of each Node type")
                .containsAll(nodeTypes);
    }

    @Test
    void nobodyReachesSomeoneElsesObjectsThroughAnyFieldThatTakesAnId() {
        GraphQLSchema schema = schema();
        List<Probe> fields = idTakingRootFields(schema);
        assertThat(fields).extracting(Probe::coordinates)
                .as("the generator finds the fields that take ids")
                .contains("Query.node", "Mutation.updateTask", "Mutation.removeReminder", "Mutation.markNotificationsRead",
                        "Mutation.changeRole", "Query.auditLog");

        TestAccounts.SignedUp a = TestAccounts.signUp(server.baseUrl(), "UTC");
        GraphQlClient b = TestAccounts.signUp(server.baseUrl(), "UTC").client();
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            Owner owner = new Owner(a.client(), sql.userId(a.email()), sql);
            Map<Example, String> objects = new LinkedHashMap<>();
            EXAMPLES.forEach(example -> objects.put(example, example.create().apply(owner)));
            assertThat(objects.values()).allSatisfy(id -> assertThat(id).isNotBlank());
            List<String> tables = sql.column(String.class, "SELECT table_name FROM information_schema.columns "
                    + "WHERE table_schema = 'public' AND column_name = 'user_id' ORDER BY table_name");
            String before = snapshot(sql, tables, owner.userId());

            int calls = 0;
            for (Probe field : fields) {
                for (Map.Entry<Example, String> object : objects.entrySet()) {
                    String what = field.coordinates() + " with A's " + object.getKey().what();
                    String nowhere = GlobalId.encode(object.getKey().type(), UUID.randomUUID());
                    JsonNode theirs = b.execute(field.query(), field.variables(object.getValue())).body();
                    JsonNode unknown = b.execute(field.query(), field.variables(nowhere)).body();
                    calls += 2;

                    assertThat(theirs).as(what + ": B's answer must be the answer to an id that exists nowhere").isEqualTo(unknown);
                    assertThat(theirs.toString()).as(what + ": A's id shows").doesNotContain(object.getValue())
                            .doesNotContain(GlobalId.parse(object.getValue()).orElseThrow().id().toString());
                    if (!SKIP_FOREIGN_IDS.contains(field.coordinates())) {
                        assertThat(refusedOrNull(theirs.path("data").path(field.name())))
                                .as(what + ": expected null or a NOT_FOUND/FORBIDDEN user error, got " + theirs
                                        + " (if the lookup is never reached, give the field what it needs in EXTRA_INPUT)")
                                .isTrue();
                    }
                    assertThat(snapshot(sql, tables, owner.userId())).as(what + ": A's data changed").isEqualTo(before);
                }
            }
            assertThat(calls).isGreaterThanOrEqualTo(fields.size() * EXAMPLES.size() * 2);
        }
    }

    /** One root field that takes an id, ready to call with any id in every ID position. */
    private record Probe(String coordinates, String name, String query, List<GraphQLArgument> arguments, Map<String, Object> extra) {
        Map<String, Object> variables(String id) {
            Map<String, Object> variables = new LinkedHashMap<>();
            for (GraphQLArgument argument : arguments) {
                if (isRequired(argument.getType()) || mentionsId(argument.getType())) {
                    variables.put(argument.getName(), sample(argument.getType(), id));
                }
            }
            if (variables.get("input") instanceof Map<?, ?> input) {
                @SuppressWarnings("unchecked")
                Map<String, Object> merged = new LinkedHashMap<>((Map<String, Object>) input);
                merged.putAll(extra);
                variables.put("input", merged);
            } else {
                variables.putAll(extra);
            }
            return variables;
        }
    }

    private static List<Probe> idTakingRootFields(GraphQLSchema schema) {
        List<Probe> probes = new ArrayList<>();
        for (GraphQLObjectType root : List.of(schema.getQueryType(), schema.getMutationType())) {
            for (GraphQLFieldDefinition field : root.getFieldDefinitions()) {
                if (field.getArguments().stream().noneMatch(a -> mentionsId(a.getType()))) {
                    continue;
                }
                String coordinates = root.getName() + "." + field.getName();
                String declarations = field.getArguments().stream()
                        .map(a -> "$" + a.getName() + ": " + GraphQLTypeUtil.simplePrint(a.getType()))
                        .collect(Collectors.joining(", "));
                String arguments = field.getArguments().stream()
                        .map(a -> a.getName() + ": $" + a.getName())
                        .collect(Collectors.joining(", "));
                String query = (root == schema.getQueryType() ? "query" : "mutation") + " Probe(" + declarations + ") { "
                        + field.getName() + "(" + arguments + ")" + selection(field.getType()) + " }";
                probes.add(new Probe(coordinates, field.getName(), query, field.getArguments(),
                        EXTRA_INPUT.getOrDefault(coordinates, Map.of())));
            }
        }
        return probes;
    }

    /** Whether an id can be given anywhere in this input type. */
    private static boolean mentionsId(GraphQLInputType type) {
        return mentionsId(type, new java.util.HashSet<>());
    }

    private static boolean mentionsId(GraphQLType type, Set<String> seen) {
        GraphQLNamedType named = (GraphQLNamedType) GraphQLTypeUtil.unwrapAll(type);
        if (named instanceof GraphQLScalarType scalar) {
            return scalar.getName().equals("ID");
        }
        if (named instanceof GraphQLInputObjectType input && seen.add(input.getName())) {
            return input.getFields().stream().anyMatch(f -> mentionsId(f.getType(), seen));
        }
        return false;
    }

    private static boolean isRequired(GraphQLType type) {
        return type instanceof GraphQLNonNull;
    }

    /** The least value the schema accepts, with the id in every ID position (optional ones too). */
    private static Object sample(GraphQLType type, String id) {
        if (type instanceof GraphQLNonNull nonNull) {
            return sample(nonNull.getWrappedType(), id);
        }
        if (type instanceof GraphQLList list) {
            return List.of(sample(list.getWrappedType(), id));
        }
        if (type instanceof GraphQLEnumType enumType) {
            return enumType.getValues().getFirst().getName();
        }
        if (type instanceof GraphQLInputObjectType input) {
            Map<String, Object> value = new LinkedHashMap<>();
            for (GraphQLInputObjectField field : input.getFields()) {
                if (isRequired(field.getType()) || mentionsId(field.getType())) {
                    value.put(field.getName(), sample(field.getType(), id));
                }
            }
            return value;
        }
        String scalar = ((GraphQLScalarType) type).getName();
        return switch (scalar) {
            case "ID" -> id;
            case "String" -> "x";
            case "Int" -> 5;
            case "Float" -> 1.5;
            case "Boolean" -> false;
            case "DateTime" -> TestDates.future("01-01T09:00:00Z");
            case "Date" -> TestDates.future("01-01");
            default -> throw new IllegalStateException("No sample value for the scalar " + scalar + ": add one to TenantIsolationTest");
        };
    }

    /** The answer's scalars, the ids of objects in it, and user errors: enough to see what it gave away. */
    private static String selection(GraphQLOutputType type) {
        GraphQLType named = GraphQLTypeUtil.unwrapAll(type);
        if (!(named instanceof GraphQLFieldsContainer container)) {
            return "";
        }
        List<String> fields = new ArrayList<>(List.of("__typename"));
        for (GraphQLFieldDefinition field : container.getFieldDefinitions()) {
            if (field.getArguments().stream().anyMatch(a -> isRequired(a.getType()))) {
                continue;
            }
            GraphQLType inner = GraphQLTypeUtil.unwrapAll(field.getType());
            if (field.getName().equals("userErrors")) {
                fields.add("userErrors { field code }");
            } else if (inner instanceof GraphQLScalarType || inner instanceof GraphQLEnumType) {
                fields.add(field.getName());
            } else if (inner instanceof GraphQLFieldsContainer object && object.getFieldDefinition("id") != null) {
                fields.add(field.getName() + " { id }");
            }
        }
        return " { " + String.join(" ", fields) + " }";
    }

    private static boolean refusedOrNull(JsonNode answer) {
        if (answer.isNull() || answer.isMissingNode()) {
            return true;
        }
        JsonNode errors = answer.path("userErrors");
        if (errors.isEmpty()) {
            return false;
        }
        for (JsonNode error : errors) {
            if (!REFUSALS.contains(error.path("code").asText())) {
                return false;
            }
        }
        return true;
    }

    /** Every row of A's, in every table with a user_id and their users row. */
    private static String snapshot(TestSql sql, List<String> tables, UUID userId) {
        StringBuilder all = new StringBuilder(sql.value(String.class, "SELECT row_to_json(u)::text FROM users u WHERE id = ?", userId));
        for (String table : tables) {
            // Table names come from information_schema, not from input.
            all.append('\n').append(table).append(": ").append(sql.value(String.class,
                    "SELECT coalesce(json_agg(t ORDER BY t::text), '[]')::text FROM " + table + " t WHERE user_id = ?", userId));
        }
        return all.toString();
    }

    private static GraphQLSchema schema() {
        String text = new GraphQlClient(server.baseUrl()).get("/graphql/schema.graphql").body();
        return UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse(text));
    }
}
