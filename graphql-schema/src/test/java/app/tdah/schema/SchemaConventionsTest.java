package app.tdah.schema;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import graphql.language.FieldDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Holds every schema file to the API's conventions, so a new feature cannot drift from them unnoticed. */
class SchemaConventionsTest {

    private static final TypeDefinitionRegistry SCHEMA = parseAll();

    private static TypeDefinitionRegistry parseAll() {
        try (Stream<Path> files = Files.list(Path.of("src/main/graphql"))) {
            String text = files.filter(p -> p.toString().endsWith(".graphqls")).sorted()
                    .map(SchemaConventionsTest::read).collect(Collectors.joining("\n"));
            return new SchemaParser().parse(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<FieldDefinition> mutations() {
        return Stream.concat(SCHEMA.getType("Mutation", ObjectTypeDefinition.class).stream(),
                        SCHEMA.objectTypeExtensions().getOrDefault("Mutation", List.of()).stream())
                .flatMap(t -> t.getFieldDefinitions().stream())
                .filter(f -> !f.getName().equals("noop"))
                .toList();
    }

    @Test
    void theSchemaIsValidAndExecutableAsAWhole() {
        assertThat(SCHEMA.getType("Query")).isPresent();
        assertThat(mutations()).isNotEmpty();
    }

    @Test
    void everyMutationTakesAtMostOneArgumentNamedInputOfANonNullInputType() {
        for (FieldDefinition mutation : mutations()) {
            List<InputValueDefinition> args = mutation.getInputValueDefinitions();
            assertThat(args).as(mutation.getName()).hasSizeLessThanOrEqualTo(1);
            if (!args.isEmpty()) {
                assertThat(args.get(0).getName()).as(mutation.getName()).isEqualTo("input");
                assertThat(args.get(0).getType()).as(mutation.getName() + " input is non-null").isInstanceOf(NonNullType.class);
            }
        }
    }

    @Test
    void everyMutationReturnsANonNullPayloadWithUserErrors() {
        for (FieldDefinition mutation : mutations()) {
            assertThat(mutation.getType()).as(mutation.getName() + " returns non-null").isInstanceOf(NonNullType.class);
            String payload = ((TypeName) ((NonNullType) mutation.getType()).getType()).getName();
            ObjectTypeDefinition type = SCHEMA.getType(payload, ObjectTypeDefinition.class).orElseThrow();
            FieldDefinition userErrors = type.getFieldDefinitions().stream()
                    .filter(f -> f.getName().equals("userErrors")).findFirst()
                    .orElseThrow(() -> new AssertionError(payload + " has no userErrors"));
            assertThat(render(userErrors.getType())).as(payload + ".userErrors").isEqualTo("[UserError!]!");
        }
    }

    private static String render(Type<?> type) {
        if (type instanceof NonNullType nonNull) {
            return render(nonNull.getType()) + "!";
        }
        if (type instanceof ListType list) {
            return "[" + render(list.getType()) + "]";
        }
        return ((TypeName) type).getName();
    }
}
