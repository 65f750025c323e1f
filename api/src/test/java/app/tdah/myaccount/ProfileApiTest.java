package app.tdah.myaccount;

import java.util.HashMap;
import java.util.Map;

import app.tdah.testing.GraphQlClient;
import app.tdah.testing.ServerExtension;
import app.tdah.testing.TestAccounts;
import app.tdah.testing.TestSql;
import app.tdah.testing.TestDates;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** updateProfile and the profile fields on User, through the running server. */
class ProfileApiTest {

    @RegisterExtension
    static final ServerExtension server = ServerExtension.start();

    private static final String UPDATE = """
            mutation U($i: UpdateProfileInput!) {
              updateProfile(input: $i) { user { displayName timeZone locale role } userErrors { field code message } }
            }""";
    private static final String ME = "{ me { displayName timeZone locale role } }";

    @Test
    void aProfileChangeChangesOnlyTheFieldsGivenAndIsAudited() {
        TestAccounts.SignedUp person = TestAccounts.signUp(server.baseUrl(), "UTC");
        JsonNode me = person.client().execute(ME).data("me");
        assertThat(me.path("locale").asText()).isEqualTo("en");
        assertThat(me.path("role").asText()).isEqualTo("USER");

        JsonNode updated = update(person.client(), "displayName", "  Grace  ", "locale", "FR").data("updateProfile");
        assertThat(updated.path("userErrors")).isEmpty();
        assertThat(updated.path("user").path("displayName").asText()).isEqualTo("Grace");
        assertThat(updated.path("user").path("locale").asText()).isEqualTo("fr");
        assertThat(updated.path("user").path("timeZone").asText()).as("left out, kept").isEqualTo("UTC");

        update(person.client(), "timeZone", "America/Mexico_City", "locale", "es");
        me = person.client().execute(ME).data("me");
        assertThat(me.path("displayName").asText()).isEqualTo("Grace");
        assertThat(me.path("timeZone").asText()).isEqualTo("America/Mexico_City");
        assertThat(me.path("locale").asText()).isEqualTo("es");
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            assertThat(sql.value(String.class, "SELECT string_agg(details->>'changed', '|' ORDER BY id) FROM audit_events "
                    + "WHERE action = 'profile_updated' AND subject_id = ?", sql.userId(person.email())))
                    .isEqualTo("displayName,locale|timeZone,locale");
        }
    }

    @Test
    void badProfileInputIsRefusedFieldByFieldAndChangesNothing() {
        TestAccounts.SignedUp person = TestAccounts.signUp(server.baseUrl(), "UTC");
        JsonNode refused = update(person.client(), "displayName", "   ", "timeZone", "Mars/Olympus_Mons", "locale", "de")
                .data("updateProfile");
        assertThat(refused.path("user").isNull()).isTrue();
        assertThat(refused.path("userErrors")).extracting(e -> e.path("field").asText() + ":" + e.path("code").asText())
                .containsExactlyInAnyOrder("displayName:INVALID", "timeZone:UNKNOWN_TIME_ZONE", "locale:INVALID");
        assertThat(refused.findValue("userErrors").toString()).contains("en, fr, es");
        assertThat(update(person.client(), "locale", "fr-CA").data("updateProfile").path("userErrors").path(0).path("field").asText())
                .isEqualTo("locale");
        assertThat(update(person.client(), "displayName", "x".repeat(81)).data("updateProfile").path("userErrors").path(0)
                .path("code").asText()).isEqualTo("TOO_LONG");
        assertThat(update(person.client(), "displayName", null).data("updateProfile").path("userErrors").path(0)
                .path("field").asText()).as("a name cannot be cleared").isEqualTo("displayName");

        JsonNode me = person.client().execute(ME).data("me");
        assertThat(me.path("displayName").asText()).isEqualTo("Ada");
        assertThat(me.path("timeZone").asText()).isEqualTo("UTC");
        assertThat(me.path("locale").asText()).isEqualTo("en");
    }

    @Test
    void aNewTimeZoneRetimesRemindersOfAllDayTasksOnly() {
        TestAccounts.SignedUp person = TestAccounts.signUp(server.baseUrl(), "UTC");
        String create = """
                mutation C($i: CreateTaskInput!) { createTask(input: $i) { task { id reminders { nextFireAt } } } }""";
        person.client().execute(create, Map.of("i", Map.of("title", "all-day", "dueDate", TestDates.future("01-10"),
                "reminders", java.util.List.of(Map.of("offsetMinutes", 0)))));
        person.client().execute(create, Map.of("i", Map.of("title", "timed", "dueAt", TestDates.future("01-10T15:00:00Z"),
                "reminders", java.util.List.of(Map.of("offsetMinutes", 60)))));
        assertThat(nextFireTimes(person.client())).containsEntry("all-day", TestDates.future("01-10T09:00:00Z"))
                .containsEntry("timed", TestDates.future("01-10T14:00:00Z"));

        update(person.client(), "timeZone", "Europe/Paris");
        assertThat(nextFireTimes(person.client())).as("09:00 in Paris; the timed one is an instant already")
                .containsEntry("all-day", TestDates.future("01-10T08:00:00Z"))
                .containsEntry("timed", TestDates.future("01-10T14:00:00Z"));
    }

    @Test
    void anyoneSeesTheSupportedLocalesButOnlyASignedInPersonChangesAProfile() {
        GraphQlClient anonymous = new GraphQlClient(server.baseUrl());
        assertThat(anonymous.execute("{ supportedLocales }").data("supportedLocales"))
                .extracting(JsonNode::asText).containsExactly("en", "fr", "es");
        assertThat(update(anonymous, "displayName", "Mallory").data("updateProfile").path("userErrors").path(0).path("code").asText())
                .isEqualTo("NOT_AUTHENTICATED");
    }

    private static Map<String, String> nextFireTimes(GraphQlClient client) {
        Map<String, String> times = new HashMap<>();
        client.execute("{ tasks { edges { node { title reminders { nextFireAt } } } } }").data("tasks").path("edges")
                .forEach(e -> times.put(e.path("node").path("title").asText(),
                        e.path("node").path("reminders").path(0).path("nextFireAt").asText()));
        return times;
    }

    private static GraphQlClient.Response update(GraphQlClient client, Object... pairs) {
        Map<String, Object> input = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            input.put((String) pairs[i], pairs[i + 1]);
        }
        return client.execute(UPDATE, Map.of("i", input));
    }
}
