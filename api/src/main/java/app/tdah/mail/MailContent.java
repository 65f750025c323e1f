package app.tdah.mail;

/** What a mail says, as plain text and as HTML. */
public record MailContent(String subject, String textBody, String htmlBody) {
}
