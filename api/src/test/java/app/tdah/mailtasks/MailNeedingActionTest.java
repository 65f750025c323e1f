package app.tdah.mailtasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import app.tdah.graphql.GlobalId;
import app.tdah.integrations.Capability;
import app.tdah.integrations.Provider;
import app.tdah.integrations.sync.ConnectedIntegration;
import app.tdah.testing.FakeGoogle;
import app.tdah.testing.FakeMicrosoftGraph;
import app.tdah.testing.GraphQlClient;
import app.tdah.testing.MovableClock;
import app.tdah.testing.RunningServer;
import app.tdah.testing.TestAccounts;
import app.tdah.testing.TestSql;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Mail that needs action, through the running server with Gmail and Outlook synced from fakes: unread inbox mail from
 * people the person wrote to in the last 90 days (their Gmail sent mail says who), listed over GraphQL and in the
 * daily digest; a task made from one message links back to it. The clock is the test's.
 */
class MailNeedingActionTest {

    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    private static final String LIST = "{ mailNeedingAction { messageId provider fromName fromAddress subject link } }";
    private static final String CREATE = """
            mutation M($input: CreateTaskFromMailInput!) { createTaskFromMail(input: $input) {
              task { title notes dueAt } userErrors { field code } } }""";
    private static final String SYNC_NOW = "mutation S($input: SyncNowInput!) { syncNow(input: $input) { userErrors { code } } }";
    private static final String SYNCS = "{ integrationSyncs { integrationId streams { data lastSuccessAt lastError } } }";

    private static final MovableClock CLOCK = new MovableClock(NOW);
    private static FakeGoogle google;
    private static FakeMicrosoftGraph microsoft;
    private static RunningServer server;

    @BeforeAll
    static void start() {
        google = new FakeGoogle(CLOCK);
        microsoft = new FakeMicrosoftGraph();
        server = RunningServer.start(Map.of(
                "pa.integrations.google.api.url", google.url(),
                "pa.integrations.microsoft.api.url", microsoft.url(),
                "pa.sync.mail.days", "120",
                "pa.sync.tick.seconds", "1"), CLOCK, integrationId -> "token-" + integrationId);
    }

    @AfterAll
    static void stop() {
        server.close();
        google.close();
        microsoft.close();
    }

    private record Person(UUID userId, String email, GraphQlClient client) {
    }

    private static Person person() {
        TestAccounts.SignedUp signedUp = TestAccounts.signUp(server.baseUrl(), "UTC");
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            UUID userId = sql.userId(signedUp.email());
            // Digests go to confirmed addresses only.
            sql.update("UPDATE users SET email_verified_at = now() WHERE id = ?", userId);
            // Held off the digest job until the test asks for it.
            sql.update("UPDATE users SET last_digest_on = DATE '2026-11-24' WHERE id = ?", userId);
            return new Person(userId, signedUp.email(), signedUp.client());
        }
    }

    private static UUID connectMail(Person p, Provider provider) {
        UUID integrationId = UUID.randomUUID();
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            sql.update("INSERT INTO integrations (id, user_id, provider, account_id, account_email, granted_scope, status, "
                            + "connected_at, status_changed_at, access_token_sealed, access_token_expires_at, refresh_token_sealed) "
                            + "VALUES (?, ?, ?, ?, 'me@example.com', '', 'CONNECTED', now(), now(), '\\x00'::bytea, now() + interval '1 hour', '\\x00'::bytea)",
                    integrationId, p.userId(), provider.code(), "account-" + integrationId);
        }
        server.application().integrationSync().track(new ConnectedIntegration(integrationId, p.userId(), provider, Set.of(Capability.MAIL_READ)));
        return integrationId;
    }

    private static void syncMail(Person p, UUID integrationId) {
        CLOCK.advance(Duration.ofSeconds(1));
        String at = CLOCK.instant().toString();
        String id = GlobalId.encode("Integration", integrationId);
        assertThat(p.client().execute(SYNC_NOW, Map.of("input", Map.of("integrationId", id))).data("syncNow").path("userErrors")).isEmpty();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode s : p.client().execute(SYNCS).data("integrationSyncs")) {
                if (s.path("integrationId").asText().equals(id) && at.equals(s.path("streams").get(0).path("lastSuccessAt").asText())) {
                    return;
                }
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("no mail sync at " + at);
    }

    private static List<String> listed(Person p) {
        List<String> lines = new ArrayList<>();
        p.client().execute(LIST).data("mailNeedingAction").forEach(m -> lines.add(m.path("provider").asText() + " "
                + m.path("fromAddress").asText() + " " + m.path("subject").asText()));
        return lines;
    }

    @Test
    void unreadMailFromPeopleWrittenToLatelyIsListedInTheDigestAndBecomesATaskLinkingBack() throws Exception {
        Person p = person();
        UUID gmail = connectMail(p, Provider.GOOGLE);
        UUID outlook = connectMail(p, Provider.MICROSOFT);
        FakeGoogle.Account box = google.account("token-" + gmail);
        box.addMessage("s1", "Me <me@example.com>", "Ada Lovelace <ada@example.com>, bob@example.com", "Re: invoice",
                NOW.minus(Duration.ofDays(10)), "SENT");
        box.addMessage("s2", "me@example.com", "old@example.com", "Long ago", NOW.minus(Duration.ofDays(100)), "SENT");
        box.addMessage("m1", "Ada Lovelace <ada@example.com>", "me@example.com", "Invoice 42", NOW.minus(Duration.ofHours(2)), "INBOX", "UNREAD");
        box.addMessage("m2", "bob@example.com", "me@example.com", "Read already", NOW.minus(Duration.ofHours(3)), "INBOX");
        box.addMessage("m3", "Stranger <spam@example.com>", "me@example.com", "Offer", NOW.minus(Duration.ofHours(1)), "INBOX", "UNREAD");
        box.addMessage("m4", "old@example.com", "me@example.com", "Ping", NOW.minus(Duration.ofHours(4)), "INBOX", "UNREAD");
        microsoft.mailbox("token-" + outlook).putMessage("x1", "Bob", "BOB@example.com", "Lunch?", NOW.minus(Duration.ofHours(5)), false);
        syncMail(p, gmail);
        syncMail(p, outlook);

        assertThat(listed(p)).containsExactly("GOOGLE ada@example.com Invoice 42", "MICROSOFT BOB@example.com Lunch?");

        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            sql.update("UPDATE users SET last_digest_on = NULL WHERE id = ?", p.userId());
        }
        server.application().scheduler().triggerNow("send-daily-digests");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
                if (sql.value(Long.class, "SELECT count(*) FROM users WHERE id = ? AND last_digest_on IS NOT NULL", p.userId()) > 0) {
                    List<String> digest = sql.column(String.class, "SELECT text_body FROM mail_outbox WHERE kind = 'DAILY_DIGEST' "
                            + "AND recipient = ?", p.email());
                    assertThat(digest).singleElement().satisfies(text -> assertThat(text)
                            .contains("Unread mail from people you wrote to lately", "Ada Lovelace: Invoice 42", "Bob: Lunch?")
                            .doesNotContain("Offer", "Ping", "Read already"));
                    break;
                }
            }
            assertThat(System.nanoTime()).as("the digest job ran within 30 s").isLessThan(deadline);
            Thread.onSpinWait();
        }

        String invoice = p.client().execute(LIST).data("mailNeedingAction").get(0).path("messageId").asText();
        JsonNode created = p.client().execute(CREATE, Map.of("input", Map.of("messageId", invoice))).data("createTaskFromMail");
        assertThat(created.path("userErrors")).isEmpty();
        assertThat(created.path("task").path("title").asText()).isEqualTo("Invoice 42");
        assertThat(created.path("task").path("notes").asText()).isEqualTo(
                "From: Ada Lovelace <ada@example.com>\nOpen the message in Google: https://mail.google.com/mail/#all/m1");

        Person other = person();
        JsonNode notTheirs = other.client().execute(CREATE, Map.of("input", Map.of("messageId", invoice))).data("createTaskFromMail");
        assertThat(notTheirs.path("userErrors").get(0).path("code").asText()).isEqualTo("NOT_FOUND");
        JsonNode garbage = p.client().execute(CREATE, Map.of("input", Map.of("messageId", "not-an-id"))).data("createTaskFromMail");
        assertThat(garbage.path("userErrors").get(0).path("code").asText()).isEqualTo("NOT_FOUND");
    }

    @Test
    void outlookSentItemsSayWhoThePersonWroteToWithoutAnyGmail() {
        Person p = person();
        UUID outlook = connectMail(p, Provider.MICROSOFT);
        FakeMicrosoftGraph.Mailbox box = microsoft.mailbox("token-" + outlook);
        box.putSentMessage("sent1", "Chloé Martin", "chloe@example.com", "Devis", NOW.minus(Duration.ofDays(20)));
        box.putSentMessage("sent2", "Old Friend", "old@example.com", "Long ago", NOW.minus(Duration.ofDays(100)));
        box.putMessage("in1", "Chloé Martin", "chloe@example.com", "Re: Devis", NOW.minus(Duration.ofHours(1)), false);
        box.putMessage("in2", "Stranger", "spam@example.com", "Offer", NOW.minus(Duration.ofHours(2)), false);
        box.putMessage("in3", "Old Friend", "old@example.com", "Ping", NOW.minus(Duration.ofHours(3)), false);
        syncMail(p, outlook);

        assertThat(listed(p)).containsExactly("MICROSOFT chloe@example.com Re: Devis");
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            assertThat(sql.column(String.class, "SELECT message_id || ' ' || folder FROM mail_headers WHERE integration_id = ? "
                    + "ORDER BY message_id", outlook)).containsExactly("in1 INBOX", "in2 INBOX", "in3 INBOX", "sent1 SENT", "sent2 SENT");
        }

        // Written to later, from Outlook: the next sync's delta of Sent Items brings it in.
        box.putSentMessage("sent3", "Stranger", "spam@example.com", "Re: Offer", NOW.minus(Duration.ofMinutes(30)));
        syncMail(p, outlook);
        assertThat(listed(p)).containsExactly("MICROSOFT chloe@example.com Re: Devis", "MICROSOFT spam@example.com Offer");
    }
}
