package app.tdah.jobs.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import app.tdah.mail.MailContent;
import app.tdah.mail.MailKind;
import app.tdah.mail.MailOutboxRepository;
import app.tdah.mail.MailService;
import app.tdah.platform.Database;
import app.tdah.testing.GraphQlClient;
import app.tdah.testing.RunningServer;
import app.tdah.testing.TestServices;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.helidon.dbclient.DbClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The send-mail job as the product runs it: configured from pa.smtp.*, fired by the clustered scheduler, counted in metrics. */
class SendMailScheduledTest {

    @Test
    void queuedMailIsSentByTheScheduledJobAndCounted() throws Exception {
        GreenMail greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        greenMail.start();
        try (RunningServer server = RunningServer.start(Map.of(
                "pa.smtp.host", "127.0.0.1",
                "pa.smtp.port", Integer.toString(greenMail.getSmtp().getPort()),
                "pa.smtp.from", "Personal Assistant <no-reply@pa.test>"));
             DbClient db = new Database(server.jdbcUrl(), TestServices.pgUser(), TestServices.pgPassword(), 2).openClient()) {
            new MailService(new MailOutboxRepository(db), Clock.systemUTC())
                    .enqueue(db.execute(), MailKind.VERIFICATION, null, "ada@pa.test",
                            templates -> new MailContent("Confirm your email address", "text", "<p>html</p>"), "verify:ada");

            server.application().scheduler().triggerNow("send-mail");

            assertThat(greenMail.waitForIncomingEmail(20_000, 1)).isTrue();
            assertThat(greenMail.getReceivedMessages()[0].getFrom()[0].toString()).isEqualTo("Personal Assistant <no-reply@pa.test>");
            GraphQlClient client = new GraphQlClient(server.baseUrl());
            Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
            // The counter moves just after the server's 250 reaches the job, a moment after GreenMail stored the mail.
            while (!client.get("/observe/metrics").body().matches("(?s).*\\bmail_sent_total(\\{[^}]*})? [1-9].*")
                    && Instant.now().isBefore(deadline)) {
                Thread.sleep(50); // polling a condition with a deadline, not a fixed wait
            }
            assertThat(client.get("/observe/metrics").body()).containsPattern("\\bmail_sent_total(\\{[^}]*})? [1-9]");
        } finally {
            greenMail.stop();
        }
    }
}
