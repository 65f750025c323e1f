package app.tdah.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real SMTP server (GreenMail) that a test class's server sends its mail to, for tests that read what people
 * receive: {@code @RegisterExtension static final TestMailbox mailbox = TestMailbox.start();} before the server, which
 * is started with {@link #serverSettings()}.
 */
public final class TestMailbox implements AfterAllCallback {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final GreenMail greenMail;
    private final Set<String> taken = new HashSet<>();

    private TestMailbox(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    public static TestMailbox start() {
        GreenMail greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        greenMail.start();
        return new TestMailbox(greenMail);
    }

    /** Points the send-mail job at this mailbox. */
    public Map<String, String> serverSettings() {
        return Map.of("pa.smtp.host", "127.0.0.1",
                "pa.smtp.port", Integer.toString(greenMail.getSmtp().getPort()),
                "pa.smtp.from", "Personal Assistant <no-reply@pa.test>");
    }

    /** A received mail, its plain-text and HTML parts decoded. */
    public record Mail(String recipient, String subject, String text, String html) {

        /** The token of the first link to {@code path} (e.g. /verify-email) in the text part. */
        public String linkToken(String path) {
            return firstLink(path).group(1);
        }

        /** The first link to {@code path} in the text part, whole, as a person would open it. */
        public String link(String path) {
            return firstLink(path).group();
        }

        private Matcher firstLink(String path) {
            Matcher link = Pattern.compile("https?://\\S+" + Pattern.quote(path) + "\\?token=([A-Za-z0-9_-]+)").matcher(text);
            if (!link.find()) {
                throw new AssertionError("No " + path + " link in the mail \"" + subject + "\":\n" + text);
            }
            return link;
        }
    }

    /**
     * The next mail to {@code recipient} with this subject that this method has not returned before. Runs the
     * send-mail job at once (and again while waiting) rather than waiting for its 10-second schedule.
     */
    public Mail next(ServerExtension server, String recipient, String subject) {
        Instant deadline = Instant.now().plus(WAIT);
        while (true) {
            Optional<Mail> mail = untaken(recipient, subject);
            if (mail.isPresent()) {
                return mail.get();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("No mail \"" + subject + "\" to " + recipient + " within " + WAIT.toSeconds() + " s");
            }
            try {
                server.application().scheduler().triggerNow("send-mail");
            } catch (org.quartz.SchedulerException e) {
                throw new IllegalStateException(e);
            }
            greenMail.waitForIncomingEmail(500, greenMail.getReceivedMessages().length + 1);
        }
    }

    /** How many mails to this recipient with this subject have arrived, whether or not returned by {@link #next}. */
    public long count(String recipient, String subject) {
        long count = 0;
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            Mail mail = read(message);
            if (mail.recipient().equalsIgnoreCase(recipient) && mail.subject().equals(subject)) {
                count++;
            }
        }
        return count;
    }

    private synchronized Optional<Mail> untaken(String recipient, String subject) {
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            Mail mail = read(message);
            if (mail.recipient().equalsIgnoreCase(recipient) && mail.subject().equals(subject) && taken.add(messageId(message))) {
                return Optional.of(mail);
            }
        }
        return Optional.empty();
    }

    private static Mail read(MimeMessage message) {
        try {
            MimeMultipart parts = (MimeMultipart) message.getContent();
            return new Mail(message.getAllRecipients()[0].toString(), message.getSubject(),
                    (String) parts.getBodyPart(0).getContent(), (String) parts.getBodyPart(1).getContent());
        } catch (MessagingException | java.io.IOException e) {
            throw new AssertionError("GreenMail stored a message that cannot be read", e);
        }
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        greenMail.stop();
    }
}
