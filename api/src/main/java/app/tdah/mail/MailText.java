package app.tdah.mail;

import java.util.List;

import app.tdah.i18n.ProfileLanguage;

/**
 * A sentence another feature puts in a mail (what changed in the account, what to review after a reset), by its key in
 * the mail bundle ({@code app/tdah/mail/MailTexts*.properties}) and the values of its placeholders, so that it is
 * written in the language of the person who reads it. An unknown key fails here, where it is written.
 */
public record MailText(String key, List<String> values) {

    public MailText {
        if (!MailTemplates.in(ProfileLanguage.EN).has(key)) {
            throw new IllegalArgumentException("No mail text " + key);
        }
        values = List.copyOf(values);
    }

    public static MailText of(String key, String... values) {
        return new MailText(key, List.of(values));
    }
}
