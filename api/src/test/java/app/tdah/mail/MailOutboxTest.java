package app.tdah.mail;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import app.tdah.capture.Due;
import app.tdah.i18n.ProfileLanguage;
import app.tdah.jobs.mail.MailSender;
import app.tdah.jobs.mail.SendMailJob;
import app.tdah.jobs.mail.SmtpMailSender;
import app.tdah.jobs.mail.SmtpSettings;
import app.tdah.jobs.outbox.RetryPolicy;
import app.tdah.platform.Database;
import app.tdah.testing.MovableClock;
import app.tdah.testing.RefusingSmtpServer;
import app.tdah.testing.TestServices;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.helidon.dbclient.DbClient;
import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.Metrics;
import io.helidon.metrics.api.Tag;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox end to end: rows in the real database, the send-mail job body, the SMTP sender on GreenMail (or a server
 * that refuses). Time is a clock the test moves, so retries are due when the test says, without sleeping.
 */
class MailOutboxTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final LocalDate DAY = LocalDate.of(2026, 11, 25);
    private static String jdbcUrl;
    private static DbClient db;
    private static MailOutboxRepository outbox;

    private MovableClock clock;
    private MailService mail;
    private GreenMail greenMail;
    private int smtpPort;

    @BeforeAll
    static void createDatabase() {
        jdbcUrl = TestServices.createDatabase();
        Database database = new Database(jdbcUrl, TestServices.pgUser(), TestServices.pgPassword(), 8);
        database.migrate();
        db = database.openClient();
        outbox = new MailOutboxRepository(db);
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
        TestServices.dropDatabase(jdbcUrl);
    }

    @BeforeEach
    void emptyOutboxAndFreshServer() throws Exception {
        sql("DELETE FROM mail_outbox");
        clock = new MovableClock(Instant.parse("2026-11-25T09:00:00Z"));
        mail = new MailService(outbox, clock);
        greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        greenMail.start();
        smtpPort = greenMail.getSmtp().getPort();
    }

    @AfterEach
    void stopServer() {
        greenMail.stop();
    }

    @Test
    void twentyMailsAreEachDeliveredOnceWithTextAndHtml() throws Exception {
        enqueue(20);

        int sent = job(smtp(smtpPort)).sendDue();

        assertThat(greenMail.waitForIncomingEmail(WAIT.toMillis(), 20)).isTrue();
        assertThat(sent).isEqualTo(20);
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(recipients(received)).hasSize(20).doesNotHaveDuplicates();
        for (MimeMessage message : received) {
            MimeMultipart parts = (MimeMultipart) message.getContent();
            assertThat(parts.getContentType()).startsWith("multipart/alternative");
            assertThat(parts.getBodyPart(0).isMimeType("text/plain")).isTrue();
            assertThat(parts.getBodyPart(1).isMimeType("text/html")).isTrue();
        }
        assertThat(statuses()).containsOnly("SENT 1");
        assertThat(count("sent_at = '2026-11-25T09:00:00Z'")).isEqualTo(20);
    }

    @Test
    void theSameIdempotencyKeyQueuesOneMail() throws Exception {
        MailContent reminder = MailTemplates.in(ProfileLanguage.EN).reminder("Ada", "water plants", new Due.AllDay(DAY));
        String key = "reminder:r1:2026-11-25";
        boolean first = mail.enqueue(db.execute(), MailKind.REMINDER, null, "ada@pa.test", templates -> reminder, key);
        boolean second = mail.enqueue(db.execute(), MailKind.REMINDER, null, "ada@pa.test", templates -> reminder, key);

        job(smtp(smtpPort)).sendDue();

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(greenMail.waitForIncomingEmail(WAIT.toMillis(), 1)).isTrue();
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
        assertThat(count("idempotency_key = '" + key + "'")).isEqualTo(1);
    }

    @Test
    void aServerThatStopsMidBatchLosesNothingAndGetsNothingTwice() throws Exception {
        enqueue(20);
        List<String> received = new ArrayList<>();
        SmtpMailSender smtp = smtp(smtpPort);
        AtomicInteger accepted = new AtomicInteger();
        MailSender stopsAfterFive = outgoing -> {
            smtp.send(outgoing);
            if (accepted.incrementAndGet() == 5) {
                received.addAll(recipients(greenMail.getReceivedMessages()));
                greenMail.stop();
            }
        };

        int sentBeforeStop = job(stopsAfterFive).sendDue();

        assertThat(sentBeforeStop).isEqualTo(5);
        assertThat(received).hasSize(5);
        assertThat(statuses()).containsOnly("SENT 1", "PENDING 1");
        assertThat(count("status = 'PENDING' AND next_attempt_at > '2026-11-25T09:00:00Z' AND last_error LIKE '%Connection refused%'"))
                .isEqualTo(15);

        greenMail = new GreenMail(ServerSetupTest.SMTP.port(smtpPort));
        greenMail.start();
        assertThat(job(smtp).sendDue()).as("nothing is due before the backoff has passed").isZero();
        clock.advance(Duration.ofMinutes(1));
        int sentAfterRestart = job(smtp).sendDue();

        assertThat(greenMail.waitForIncomingEmail(WAIT.toMillis(), 15)).isTrue();
        assertThat(sentAfterRestart).isEqualTo(15);
        received.addAll(recipients(greenMail.getReceivedMessages()));
        assertThat(received).hasSize(20).doesNotHaveDuplicates();
        assertThat(statuses()).containsOnly("SENT 1", "SENT 2");
    }

    @Test
    void sentMailIsDeletedWithItsBodyAfterTheRetentionWhileMailStillToSendStays() throws Exception {
        enqueue(3);
        job(smtp(smtpPort)).sendDue();
        assertThat(greenMail.waitForIncomingEmail(WAIT.toMillis(), 3)).isTrue();
        clock.advance(Duration.ofDays(10));
        mail.enqueue(db.execute(), MailKind.REMINDER, null, "later@pa.test",
                templates -> templates.reminder("Ada", "water plants", new Due.AllDay(DAY)), "reminder:later");
        Duration retention = Duration.ofDays(30);

        clock.advance(Duration.ofDays(19));
        assertThat(outbox.purgeFinishedBefore(clock.instant().minus(retention))).as("29 days after sending").isZero();

        clock.advance(Duration.ofDays(2));
        assertThat(outbox.purgeFinishedBefore(clock.instant().minus(retention))).as("31 days after sending").isEqualTo(3);
        assertThat(count("text_body LIKE '%task %'")).as("no digest body is left").isZero();
        assertThat(statuses()).containsExactly("PENDING 0");
    }

    @Test
    void aRecipientTheServerRefusesIsDeadAtOnceAndNeverTriedAgain() throws Exception {
        try (RefusingSmtpServer refusing = new RefusingSmtpServer("550 5.1.1 <nobody@pa.test>: Recipient address rejected: User unknown")) {
            mail.enqueue(db.execute(), MailKind.VERIFICATION, null, "nobody@pa.test",
                    templates -> new MailContent("Confirm your email address", "text", "<p>html</p>"), "verify:nobody");
            SendMailJob job = job(smtp(refusing.port()));
            long permanentBefore = counted("mail.failed", Tag.create("kind", "permanent"));
            long deadBefore = counted("mail.dead");

            job.sendDue();
            clock.advance(Duration.ofDays(1));
            job.sendDue();

            assertThat(refusing.recipientsTried()).isEqualTo(1);
            assertThat(statuses()).containsExactly("DEAD 1");
            assertThat(count("last_error LIKE '%550 5.1.1 <nobody@pa.test>: Recipient address rejected: User unknown%'")).isEqualTo(1);
            assertThat(counted("mail.failed", Tag.create("kind", "permanent"))).isEqualTo(permanentBefore + 1);
            assertThat(counted("mail.dead")).isEqualTo(deadBefore + 1);
        }
    }

    @Test
    void mailThatKeepsFailingIsDeadAfterMaxAttemptsWithTheLastError() throws Exception {
        enqueue(1);
        SendMailJob job = new SendMailJob(outbox, smtp(closedPort()), RetryPolicy.withMaxAttempts(3), clock);

        job.sendDue();
        assertThat(statuses()).containsExactly("PENDING 1");
        clock.advance(Duration.ofHours(1));
        job.sendDue();
        assertThat(statuses()).containsExactly("PENDING 2");
        clock.advance(Duration.ofHours(1));
        job.sendDue();

        assertThat(statuses()).containsExactly("DEAD 3");
        assertThat(count("last_error LIKE '%Connection refused%'")).isEqualTo(1);
    }

    @Test
    void mailClaimedByANodeThatDiedIsSentOnceTheLeaseRunsOut() throws Exception {
        enqueue(1);
        assertThat(outbox.claimDue(clock.instant(), 10)).hasSize(1); // the node that claimed it dies here
        SendMailJob job = job(smtp(smtpPort));

        assertThat(job.sendDue()).as("the claim still holds").isZero();
        clock.advance(Duration.ofMinutes(6));
        assertThat(job.sendDue()).isEqualTo(1);

        assertThat(greenMail.waitForIncomingEmail(WAIT.toMillis(), 1)).isTrue();
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
        assertThat(statuses()).containsExactly("SENT 2");
    }

    @Test
    void twoWorkersClaimingAtOnceSendEachMailOnce() throws Exception {
        enqueue(60);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService workers = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> sent = IntStream.range(0, 2).mapToObj(i -> workers.submit(() -> {
                start.await();
                return job(smtp(smtpPort)).sendDue();
            })).toList();
            start.countDown();

            assertThat(sent.get(0).get() + sent.get(1).get()).isEqualTo(60);
        } finally {
            workers.shutdown();
        }
        assertThat(greenMail.waitForIncomingEmail(WAIT.toMillis(), 60)).isTrue();
        assertThat(recipients(greenMail.getReceivedMessages())).hasSize(60).doesNotHaveDuplicates();
        assertThat(statuses()).containsOnly("SENT 1");
    }

    private void enqueue(int count) {
        for (int i = 0; i < count; i++) {
            String name = "Person " + i;
            String task = "task " + i;
            mail.enqueue(db.execute(), MailKind.DAILY_DIGEST, null, "person" + i + "@pa.test",
                    templates -> templates.dailyDigest(name, DAY, List.of(task), List.of(), List.of()), "digest:" + i + ":2026-11-25");
        }
    }

    private SendMailJob job(MailSender sender) {
        return new SendMailJob(outbox, sender, RetryPolicy.withMaxAttempts(8), clock);
    }

    private static SmtpMailSender smtp(int port) {
        return new SmtpMailSender(new SmtpSettings("127.0.0.1", port, SmtpSettings.Security.NONE, Optional.empty(), "",
                "Personal Assistant <no-reply@pa.test>", Duration.ofSeconds(5), Duration.ofSeconds(5)));
    }

    /** The global counter's value (metrics are process-wide, so tests compare before and after). */
    private static long counted(String name, Tag... tags) {
        return Metrics.getCounter(name, List.of(tags)).map(Counter::count).orElse(0L);
    }

    private static List<String> recipients(MimeMessage[] messages) {
        List<String> recipients = new ArrayList<>();
        for (MimeMessage message : messages) {
            try {
                recipients.add(message.getAllRecipients()[0].toString());
            } catch (MessagingException e) {
                throw new AssertionError("GreenMail stored a message without a readable recipient", e);
            }
        }
        return recipients;
    }

    /** Each row as "STATUS attempts". */
    private static List<String> statuses() throws Exception {
        try (Connection c = TestServices.connect(jdbcUrl); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT status, attempts FROM mail_outbox ORDER BY created_at, id")) {
            List<String> statuses = new ArrayList<>();
            while (rs.next()) {
                statuses.add(rs.getString(1) + " " + rs.getInt(2));
            }
            return statuses;
        }
    }

    private static int count(String condition) throws Exception {
        try (Connection c = TestServices.connect(jdbcUrl); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM mail_outbox WHERE " + condition)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void sql(String statement) throws Exception {
        try (Connection c = TestServices.connect(jdbcUrl); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
