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
    void mutationIsOnlyExtendedByFeaturesWithNoPlaceholderField() {
        assertThat(SCHEMA.getType("Mutation", ObjectTypeDefinition.class).orElseThrow().getFieldDefinitions()).isEmpty();
    }

    /** {@code fooBar(input: FooBarInput!): FooBarPayload!}: no two mutations share an input or a payload type. */
    @Test
    void everyMutationHasItsOwnInputAndPayloadNamedAfterIt() {
        for (FieldDefinition mutation : mutations()) {
            String name = Character.toUpperCase(mutation.getName().charAt(0)) + mutation.getName().substring(1);
            assertThat(unwrap(mutation.getType())).as(mutation.getName() + "'s payload").isEqualTo(name + "Payload");
            mutation.getInputValueDefinitions().forEach(input ->
                    assertThat(unwrap(input.getType())).as(mutation.getName() + "'s input").isEqualTo(name + "Input"));
        }
    }

    @Test
    void everyConnectionSharesOnePageInfoThatPagesBothWays() {
        ObjectTypeDefinition pageInfo = SCHEMA.getType("PageInfo", ObjectTypeDefinition.class).orElseThrow();
        assertThat(pageInfo.getFieldDefinitions()).extracting(f -> f.getName() + ":" + render(f.getType()))
                .containsExactlyInAnyOrder("hasNextPage:Boolean!", "hasPreviousPage:Boolean!", "startCursor:String", "endCursor:String");
        assertThat(objectTypes()).extracting(ObjectTypeDefinition::getName)
                .filteredOn(name -> name.endsWith("PageInfo")).containsExactly("PageInfo");
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

    private static List<ObjectTypeDefinition> objectTypes() {
        return SCHEMA.getTypes(ObjectTypeDefinition.class).stream()
                .filter(t -> !List.of("Query", "Mutation").contains(t.getName()))
                .toList();
    }

    private static List<FieldDefinition> queryFields() {
        return Stream.concat(SCHEMA.getType("Query", ObjectTypeDefinition.class).stream(),
                        SCHEMA.objectTypeExtensions().getOrDefault("Query", List.of()).stream())
                .flatMap(t -> t.getFieldDefinitions().stream())
                .toList();
    }

    @Test
    void everyObjectWithAnIdImplementsNode() {
        for (ObjectTypeDefinition type : objectTypes()) {
            boolean hasId = type.getFieldDefinitions().stream().anyMatch(f -> f.getName().equals("id"));
            if (hasId) {
                assertThat(type.getImplements()).as(type.getName() + " implements Node")
                        .anySatisfy(i -> assertThat(((TypeName) i).getName()).isEqualTo("Node"));
                FieldDefinition id = type.getFieldDefinitions().stream().filter(f -> f.getName().equals("id")).findFirst().orElseThrow();
                assertThat(render(id.getType())).as(type.getName() + ".id").isEqualTo("ID!");
            }
        }
    }

    @Test
    void everyConnectionIsPagedWithFirstAndAfterAndCarriesATotal() {
        List<FieldDefinition> connectionFields = objectTypes().stream().flatMap(t -> t.getFieldDefinitions().stream())
                .filter(f -> unwrap(f.getType()).endsWith("Connection"))
                .toList();
        List<FieldDefinition> all = Stream.concat(connectionFields.stream(),
                queryFields().stream().filter(f -> unwrap(f.getType()).endsWith("Connection"))).toList();
        assertThat(all).isNotEmpty();
        for (FieldDefinition field : all) {
            assertThat(field.getInputValueDefinitions()).extracting(a -> a.getName() + ":" + render(a.getType()))
                    .as(field.getName()).contains("first:Int", "after:String");
            ObjectTypeDefinition connection = SCHEMA.getType(unwrap(field.getType()), ObjectTypeDefinition.class).orElseThrow();
            assertThat(connection.getFieldDefinitions()).extracting(f -> f.getName() + ":" + render(f.getType()))
                    .as(connection.getName()).contains("pageInfo:PageInfo!", "totalCount:Int!")
                    .anySatisfy(f -> assertThat(f).startsWith("edges:["));
        }
    }

    @Test
    void theOnlyCustomScalarsAreIsoDateAndDateTime() {
        assertThat(SCHEMA.scalars().keySet().stream().filter(n -> !List.of("Int", "Float", "String", "Boolean", "ID").contains(n)))
                .containsExactlyInAnyOrder("Date", "DateTime");
    }

    private static String unwrap(Type<?> type) {
        if (type instanceof NonNullType nonNull) {
            return unwrap(nonNull.getType());
        }
        if (type instanceof ListType list) {
            return unwrap(list.getType());
        }
        return ((TypeName) type).getName();
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

    @Test
    void everyRootFieldDeclaresWhoMayCallIt() {
        List<FieldDefinition> roots = Stream.of("Query", "Mutation")
                .flatMap(name -> Stream.concat(SCHEMA.getType(name, ObjectTypeDefinition.class).stream(),
                        SCHEMA.objectTypeExtensions().getOrDefault(name, List.of()).stream()))
                .flatMap(t -> t.getFieldDefinitions().stream())
                .toList();
        assertThat(roots).hasSizeGreaterThan(10);
        for (FieldDefinition field : roots) {
            long declarations = field.getDirectives().stream()
                    .filter(d -> d.getName().equals("auth") || d.getName().equals("anonymous")).count();
            assertThat(declarations).as(field.getName() + " has exactly one of @auth(requires: ...) or @anonymous").isEqualTo(1);
        }
    }
}
