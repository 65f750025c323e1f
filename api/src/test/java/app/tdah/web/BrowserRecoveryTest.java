package app.tdah.web;

import java.util.HashMap;
import java.util.Map;

import app.tdah.testing.BrowserScript;
import app.tdah.testing.ServerExtension;
import app.tdah.testing.TestAccounts;
import app.tdah.testing.TestMailbox;
import app.tdah.testing.TestPorts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The links people get by mail, opened in real headless Chromium: a person confirms their address, then forgets their
 * password and resets it through the page, the mail (received by GreenMail) and its link, and signs in with the new
 * one. Driven by ui/e2e/recovery.mjs, which asks this test for each mail's link. The server's public URL is its own
 * address, so the links in the mails are opened exactly as sent.
 */
class BrowserRecoveryTest {

    @RegisterExtension
    static final TestMailbox mailbox = TestMailbox.start();

    @RegisterExtension
    static final ServerExtension server = ServerExtension.start(linksToThisServer());

    private static Map<String, String> linksToThisServer() {
        int port = TestPorts.free();
        Map<String, String> settings = new HashMap<>(mailbox.serverSettings());
        settings.put("server.port", Integer.toString(port));
        settings.put("pa.public.url", "http://localhost:" + port);
        return settings;
    }

    @Test
    void confirmTheAddressThenResetTheForgottenPasswordThroughTheMailInChromium() throws Exception {
        TestAccounts.SignedUp person = TestAccounts.signUp(server.baseUrl(), "Europe/Paris");
        BrowserScript.run("recovery.mjs", server.baseUrl(),
                Map.of("PA_E2E_EMAIL", person.email(), "PA_E2E_PASSWORD", "correct-horse-battery-42"),
                BrowserRecoveryTest::linkOfMail);
    }

    /** Answers "mail PATH RECIPIENT SUBJECT..." with the PATH link of the next such mail. */
    private static String linkOfMail(String question) {
        String[] words = question.split(" ", 4);
        if (words.length < 4 || !words[0].equals("mail")) {
            throw new IllegalArgumentException("Unknown question: " + question);
        }
        return mailbox.next(server, words[2], words[3]).link(words[1]);
    }
}
