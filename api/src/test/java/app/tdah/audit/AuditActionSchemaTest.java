package app.tdah.audit;

import java.util.Arrays;

import app.tdah.graphql.SchemaSource;

import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin audit view names actions with a GraphQL enum: it must list exactly the actions the server records. */
class AuditActionSchemaTest {

    @Test
    void theSchemaListsEveryAuditedActionAndNoOther() {
        EnumTypeDefinition schemaEnum = SchemaSource.load().types().getType("AuditAction", EnumTypeDefinition.class).orElseThrow();
        assertThat(schemaEnum.getEnumValueDefinitions()).extracting(EnumValueDefinition::getName)
                .as("enum AuditAction in admin-users.graphqls mirrors app.tdah.audit.AuditAction")
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(AuditAction.values()).map(Enum::name).toList());
    }
}
