package app.tdah.jobs.mail;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import app.tdah.jobs.mail.SmtpSettings.Security;
import app.tdah.jobs.outbox.DeliveryException;
import app.tdah.jobs.outbox.DeliveryException.Kind;
import app.tdah.testing.RefusingSmtpServer;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The SMTP sender against GreenMail and a server that refuses: what goes on the wire, and how failures are judged. */
class SmtpMailSenderTest {

    private static final String FROM = "Personal Assistant <no-reply@pa.test>";

    private GreenMail greenMail;

    @AfterEach
    void stopGreenMail() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    static SmtpSettings settings(int port, Security security) {
        return new SmtpSettings("127.0.0.1", port, security, Optional.empty(), "", FROM, Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    static OutgoingMail mail(String recipient) {
        return new OutgoingMail(UUID.randomUUID(), recipient, "Reminder: water plants", "Water the plants.",
                "<p>Water the <b>plants</b>.</p>", 1);
    }

    private int startGreenMail(ServerSetup setup) {
        greenMail = new GreenMail(setup.dynamicPort());
        greenMail.start();
        return setup.isSecure() ? greenMail.getSmtps().getPort() : greenMail.getSmtp().getPort();
    }

    @Test
    void sendsTextThenHtmlAsAlternativesWithTheOutboxIdInTheMessageId() throws Exception {
        int port = startGreenMail(ServerSetupTest.SMTP);
        OutgoingMail mail = mail("ada@pa.test");

        new SmtpMailSender(settings(port, Security.NONE)).send(mail);

        assertThat(greenMail.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage received = greenMail.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo("Reminder: water plants");
        assertThat(received.getFrom()[0].toString()).isEqualTo(FROM);
        assertThat(received.getAllRecipients()[0].toString()).isEqualTo("ada@pa.test");
        assertThat(received.getMessageID()).isEqualTo("<" + mail.id() + "@pa.test>");
        MimeMultipart alternatives = (MimeMultipart) received.getContent();
        assertThat(alternatives.getContentType()).startsWith("multipart/alternative");
        assertThat(alternatives.getCount()).isEqualTo(2);
        assertThat(alternatives.getBodyPart(0).getContentType()).startsWith("text/plain; charset=UTF-8");
        assertThat(alternatives.getBodyPart(0).getContent()).isEqualTo("Water the plants.");
        assertThat(alternatives.getBodyPart(1).getContentType()).startsWith("text/html; charset=UTF-8");
        assertThat(alternatives.getBodyPart(1).getContent()).isEqualTo("<p>Water the <b>plants</b>.</p>");
    }

    @Test
    void aRecipientTheServerRefusesIsAPermanentFailureWithItsReply() throws Exception {
        try (RefusingSmtpServer server = new RefusingSmtpServer("550 5.1.1 <nobody@pa.test>: Recipient address rejected")) {
            DeliveryException e = failureSending(mail("nobody@pa.test"), settings(server.port(), Security.NONE));

            assertThat(e.kind()).isEqualTo(Kind.PERMANENT);
            assertThat(e.getMessage()).contains("550 5.1.1 <nobody@pa.test>: Recipient address rejected");
        }
    }

    @Test
    void aTemporaryRefusalIsTransient() throws Exception {
        try (RefusingSmtpServer server = new RefusingSmtpServer("450 4.2.1 Mailbox busy, try later")) {
            DeliveryException e = failureSending(mail("busy@pa.test"), settings(server.port(), Security.NONE));

            assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
            assertThat(e.getMessage()).contains("450 4.2.1 Mailbox busy");
        }
    }

    @Test
    void noServerListeningIsTransient() throws Exception {
        DeliveryException e = failureSending(mail("ada@pa.test"), settings(closedPort(), Security.NONE));

        assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(e.getMessage()).contains("Connection refused");
    }

    @Test
    void anAddressThatCannotBeValidIsPermanent() throws Exception {
        int port = startGreenMail(ServerSetupTest.SMTP);

        DeliveryException e = failureSending(mail("not an address"), settings(port, Security.NONE));

        assertThat(e.kind()).isEqualTo(Kind.PERMANENT);
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void starttlsIsRequiredNeverSkipped() throws Exception {
        int port = startGreenMail(ServerSetupTest.SMTP); // GreenMail's plain SMTP does not offer STARTTLS

        DeliveryException e = failureSending(mail("ada@pa.test"), settings(port, Security.STARTTLS));

        assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(e.getMessage()).containsIgnoringCase("STARTTLS");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void implicitTlsRefusesACertificateNobodyVouchesFor() throws Exception {
        int port = startGreenMail(ServerSetupTest.SMTPS); // GreenMail's own self-signed certificate

        DeliveryException e = failureSending(mail("ada@pa.test"), settings(port, Security.TLS));

        assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(e.getMessage()).contains("PKIX");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void authenticatesWhenAUserIsSetAndAWrongPasswordWaitsForTheOperator() throws Exception {
        int port = startGreenMail(ServerSetupTest.SMTP);
        greenMail.setUser("pa@pa.test", "pa", "right-password");
        SmtpSettings right = new SmtpSettings("127.0.0.1", port, Security.NONE, Optional.of("pa"), "right-password", FROM,
                Duration.ofSeconds(5), Duration.ofSeconds(5));
        SmtpSettings wrong = new SmtpSettings("127.0.0.1", port, Security.NONE, Optional.of("pa"), "wrong-password", FROM,
                Duration.ofSeconds(5), Duration.ofSeconds(5));

        new SmtpMailSender(right).send(mail("ada@pa.test"));
        DeliveryException e = failureSending(mail("ada@pa.test"), wrong);

        assertThat(greenMail.waitForIncomingEmail(5_000, 1)).isTrue();
        assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(e.getMessage()).doesNotContain("wrong-password");
    }

    @Test
    void settingsNeverPrintThePassword() {
        SmtpSettings settings = new SmtpSettings("smtp.pa.test", 587, Security.STARTTLS, Optional.of("pa"), "s3cret-pass",
                FROM, Duration.ofSeconds(5), Duration.ofSeconds(5));

        assertThat(settings.toString()).doesNotContain("s3cret-pass").contains("password=****", "user=pa");
    }

    private static DeliveryException failureSending(OutgoingMail mail, SmtpSettings settings) {
        return catchThrowableOfType(DeliveryException.class, () -> new SmtpMailSender(settings).send(mail));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
