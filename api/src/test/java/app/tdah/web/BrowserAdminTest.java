package app.tdah.web;

import java.util.Map;

import app.tdah.testing.BrowserScript;
import app.tdah.testing.ServerExtension;
import app.tdah.testing.TestAccounts;
import app.tdah.testing.TestSql;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin changes a person's role on the Admin page in real headless Chromium (ui/e2e/admin.mjs): Admin is in the
 * menu for admins only, the change is kept and shows in the audit log; the database holds the new role.
 */
class BrowserAdminTest {

    @RegisterExtension
    static final ServerExtension server = ServerExtension.start();

    @Test
    void anAdminMakesAPersonPremiumInChromium() throws Exception {
        TestAccounts.SignedUp admin = TestAccounts.signUpWithRole(server, "Europe/Paris", "admin");
        TestAccounts.SignedUp person = TestAccounts.signUp(server.baseUrl(), "Europe/Paris");

        BrowserScript.run("admin.mjs", server.baseUrl(), Map.of(
                "PA_E2E_ADMIN_EMAIL", admin.email(),
                "PA_E2E_PERSON_EMAIL", person.email(),
                "PA_E2E_PASSWORD", "correct-horse-battery-42"));

        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            assertThat(sql.value(String.class, "SELECT role FROM users WHERE email = ?", person.email())).isEqualTo("premium");
        }
    }
}
