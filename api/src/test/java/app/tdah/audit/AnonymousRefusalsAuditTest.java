package app.tdah.audit;

import java.util.List;
import java.util.Map;

import app.tdah.platform.BearerSecrets;
import app.tdah.testing.GraphQlClient;
import app.tdah.testing.ServerExtension;
import app.tdah.testing.TestSql;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** A flood of refused anonymous requests writes a bounded number of audit rows, and the trail says where it stopped. */
class AnonymousRefusalsAuditTest {

    private static final String RESET = "mutation R($i: ResetPasswordInput!) { resetPassword(input: $i) { userErrors { code } } }";
    private static final String FLOODER = "203.0.113.7";
    private static final String NEIGHBOUR = "198.51.100.9";

    @RegisterExtension
    static final ServerExtension server = ServerExtension.start(Map.of(
            "pa.audit.refusals.ip.per.minute", "3", "pa.audit.refusals.global.per.minute", "5"));

    @Test
    void madeUpResetLinksWriteAtMostTheCapPerAddressAndInAllAndTheLastRowSaysSo() {
        for (int i = 0; i < 8; i++) {
            assertThat(resetFrom(FLOODER)).as("every request is still refused").isEqualTo("INVALID");
        }
        for (int i = 0; i < 4; i++) {
            resetFrom(NEIGHBOUR);
        }

        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            List<String> flooder = further(sql, FLOODER);
            assertThat(flooder).hasSize(3);
            assertThat(flooder.get(2)).startsWith("from this address");
            assertThat(flooder.subList(0, 2)).containsOnlyNulls();
            List<String> neighbour = further(sql, NEIGHBOUR);
            assertThat(neighbour).as("the rest of the minute's allowance for all addresses").hasSize(2);
            assertThat(neighbour.get(1)).startsWith("from any address");
        }
    }

    private static String resetFrom(String address) {
        GraphQlClient client = new GraphQlClient(server.baseUrl());
        client.actFrom(address);
        return client.execute(RESET, Map.of("i", Map.of("token", BearerSecrets.generate(), "newPassword", "a-long-enough-password-1")))
                .data("resetPassword").path("userErrors").get(0).path("code").asText();
    }

    private static List<String> further(TestSql sql, String address) {
        return sql.column(String.class, "SELECT details->>'further' FROM audit_events WHERE action = 'password_reset' "
                + "AND outcome = 'failure' AND ip = ? ORDER BY id", address);
    }
}
