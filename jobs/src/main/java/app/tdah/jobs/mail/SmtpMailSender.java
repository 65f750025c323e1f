package app.tdah.jobs.mail;

import java.nio.charset.StandardCharsets;
import java.util.Properties;

import app.tdah.jobs.outbox.DeliveryException;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/** Sends each mail as multipart/alternative (plain text, then HTML) over SMTP with Angus Mail, one connection per mail. */
public final class SmtpMailSender implements MailSender {

    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    private final SmtpSettings settings;
    private final Session session;
    private final InternetAddress from;

    public SmtpMailSender(SmtpSettings settings) {
        this.settings = settings;
        this.session = Session.getInstance(sessionProperties(settings));
        try {
            this.from = address(settings.from());
        } catch (AddressException e) {
            throw new IllegalStateException("PA_SMTP_FROM is not a valid address: " + e.getMessage(), e);
        }
    }

    @Override
    public void send(OutgoingMail mail) throws DeliveryException {
        try {
            MimeMessage message = compose(mail);
            Transport.send(message, settings.user().orElse(null), settings.user().isPresent() ? settings.password() : null);
        } catch (MessagingException e) {
            throw SmtpFailures.classify(e);
        }
    }

    private MimeMessage compose(OutgoingMail mail) throws MessagingException {
        MimeMessage message = new OutboxMessage(session, "<" + mail.id() + "@" + domainOf(from) + ">");
        message.setFrom(from);
        message.setRecipient(Message.RecipientType.TO, address(mail.recipient()));
        message.setSubject(mail.subject(), UTF_8);
        MimeMultipart alternatives = new MimeMultipart("alternative");
        alternatives.addBodyPart(part(mail.textBody(), "plain"));
        alternatives.addBodyPart(part(mail.htmlBody(), "html"));
        message.setContent(alternatives);
        return message;
    }

    private static MimeBodyPart part(String body, String subtype) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setText(body, UTF_8, subtype);
        return part;
    }

    private static InternetAddress address(String value) throws AddressException {
        InternetAddress address = new InternetAddress(value, true);
        address.validate();
        return address;
    }

    private static String domainOf(InternetAddress address) {
        String email = address.getAddress();
        return email.substring(email.indexOf('@') + 1);
    }

    private static Properties sessionProperties(SmtpSettings settings) {
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", settings.host());
        p.setProperty("mail.smtp.port", Integer.toString(settings.port()));
        p.setProperty("mail.smtp.connectiontimeout", Long.toString(settings.connectTimeout().toMillis()));
        p.setProperty("mail.smtp.timeout", Long.toString(settings.readTimeout().toMillis()));
        p.setProperty("mail.smtp.writetimeout", Long.toString(settings.readTimeout().toMillis()));
        p.setProperty("mail.smtp.auth", Boolean.toString(settings.user().isPresent()));
        switch (settings.security()) {
            case NONE -> { }
            case STARTTLS -> {
                p.setProperty("mail.smtp.starttls.enable", "true");
                p.setProperty("mail.smtp.starttls.required", "true");
                p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            }
            case TLS -> {
                p.setProperty("mail.smtp.ssl.enable", "true");
                p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            }
        }
        return p;
    }

    /**
     * A message whose Message-ID is derived from its outbox row, so that the copies of a mail resent after a node died
     * mid-send share one Message-ID and mail clients can show them as one.
     */
    private static final class OutboxMessage extends MimeMessage {

        private final String messageId;

        OutboxMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
