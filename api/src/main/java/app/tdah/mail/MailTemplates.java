package app.tdah.mail;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import app.tdah.capture.Due;
import app.tdah.i18n.ProfileLanguage;
import app.tdah.i18n.Texts;

/**
 * The product's mails in one language, short and calm, as plain text and as HTML with inline styles and no external
 * assets. Their words are in one bundle per language ({@code app/tdah/mail/MailTexts.properties} in English,
 * {@code _fr} and {@code _es} beside it) with the same keys. Names and task titles come from people: they are escaped
 * in HTML and kept to one line in subjects.
 */
public final class MailTemplates {

    private static final int SUBJECT_TITLE_LENGTH = 120;
    private static final Map<ProfileLanguage, MailTemplates> BY_LANGUAGE = new EnumMap<>(ProfileLanguage.class);

    static {
        for (ProfileLanguage language : ProfileLanguage.values()) {
            BY_LANGUAGE.put(language, new MailTemplates(language));
        }
    }

    private final ProfileLanguage language;
    private final Texts texts;
    private final DateTimeFormatter day;
    private final DateTimeFormatter time;

    private MailTemplates(ProfileLanguage language) {
        this.language = language;
        this.texts = Texts.load(MailTemplates.class.getPackageName() + ".MailTexts", language);
        Locale locale = Locale.of(language.code());
        this.day = DateTimeFormatter.ofPattern(texts.text("date.day"), locale);
        this.time = DateTimeFormatter.ofPattern(texts.text("date.time"), locale);
    }

    public static MailTemplates in(ProfileLanguage language) {
        return BY_LANGUAGE.get(language);
    }

    boolean has(String key) {
        return texts.has(key);
    }

    public MailContent verification(String displayName, URI link) {
        return withLink("verification", displayName, link);
    }

    public MailContent passwordReset(String displayName, URI link) {
        return withLink("passwordReset", displayName, link);
    }

    /** Sent to the new address of an email change: the address changes only when this link is opened. */
    public MailContent emailChange(String displayName, URI link) {
        return withLink("emailChange", displayName, link);
    }

    /** Sent to the current address when someone asks to move the account to another one. */
    public MailContent emailChangeRequested(String displayName, String newEmail) {
        return notice(texts.text("emailChangeRequested.subject"), displayName, texts.text("emailChangeRequested.what", newEmail),
                texts.text("emailChangeRequested.ifNotYou"));
    }

    /** Sent after the password was changed or reset, so a person whose account was taken over hears of it. */
    public MailContent passwordChanged(String displayName) {
        return notice(texts.text("passwordChanged.subject"), displayName, texts.text("passwordChanged.what"),
                texts.text("passwordChanged.ifNotYou"));
    }

    /** Sent when a provider stopped accepting a connected account's grant: nothing syncs until it is connected again. */
    public MailContent integrationNeedsReconnect(String displayName, String providerName, URI settings) {
        return withLink(texts.text("needsReconnect.subject", providerName), displayName,
                texts.text("needsReconnect.intro", providerName), texts.text("needsReconnect.action", providerName),
                settings, texts.text("needsReconnect.outro"));
    }

    /** Sent when someone signs up with the address of an existing account, which sign-up itself does not reveal. */
    public MailContent signUpWithYourAddress(String displayName, URI signIn, URI forgotPassword) {
        return withLink(texts.text("signUpWithYourAddress.subject"), displayName,
                texts.text("signUpWithYourAddress.intro", forgotPassword), texts.text("signUpWithYourAddress.action"),
                signIn, texts.text("signUpWithYourAddress.outro"));
    }

    /** Sent after a change that adds a way into the account or a second factor, so a hijacked session cannot hide it. */
    public MailContent securityChange(String displayName, MailText change) {
        return notice(texts.text("securityChange.subject"), displayName, text(change), texts.text("securityChange.ifNotYou"));
    }

    /**
     * Sent after a password reset: what was done, and every way into the account that the reset left in place, for the
     * person to check (someone who knew the old password may have added one).
     */
    public MailContent passwordWasReset(String displayName, List<MailText> toReview) {
        String what = texts.text("passwordWasReset.what");
        String review = texts.text("passwordWasReset.review");
        String ifNotYou = texts.text("passwordWasReset.ifNotYou");
        String subject = texts.text("passwordWasReset.subject");
        List<String> items = toReview.stream().map(this::text).toList();
        String text = greeting(displayName) + "\n\n" + what + "\n\n"
                + (items.isEmpty() ? "" : review + "\n" + textList(items) + "\n") + ifNotYou + "\n";
        String html = greetingHtml(displayName) + paragraph(what)
                + (items.isEmpty() ? "" : paragraph(review) + htmlList(items)) + paragraph(ifNotYou);
        return new MailContent(subject, text, page(subject, html));
    }

    public MailContent reminder(String displayName, String taskTitle, Due due) {
        // A reminder set at a time of its own may belong to a task without a due: then there is no "Due" line.
        String dueLine = due == null ? "" : describe(due);
        String intro = texts.text("reminder.intro");
        String subject = texts.text("reminder.subject", oneLine(taskTitle, SUBJECT_TITLE_LENGTH));
        String text = greeting(displayName) + "\n\n" + intro + "\n\n  " + taskTitle + (dueLine.isEmpty() ? "" : "\n  " + dueLine) + "\n";
        String html = greetingHtml(displayName)
                + paragraph(intro)
                + "<p style=\"margin:0 0 16px;padding:12px 16px;background:#f1f4f2;border-radius:6px\"><strong>"
                + Html.escape(taskTitle) + "</strong>"
                + (dueLine.isEmpty() ? "" : "<br><span style=\"color:#4b5158\">" + Html.escape(dueLine) + "</span>") + "</p>";
        return new MailContent(subject, text, page(subject, html));
    }

    /** {@code mailToAnswer}: unread mail from people the person wrote to lately, one "sender: subject" line each. */
    public MailContent dailyDigest(String displayName, LocalDate date, List<String> dueToday, List<String> overdue,
                                   List<String> mailToAnswer) {
        String subject = texts.text("digest.subject", day.format(date));
        StringBuilder text = new StringBuilder(greeting(displayName)).append("\n\n");
        StringBuilder html = new StringBuilder(greetingHtml(displayName));
        if (dueToday.isEmpty() && overdue.isEmpty()) {
            String nothingDue = texts.text("digest.nothingDue");
            text.append(nothingDue).append('\n');
            html.append(paragraph(nothingDue));
        }
        if (!dueToday.isEmpty()) {
            String today = texts.text("digest.today");
            text.append(today).append('\n').append(textList(dueToday)).append('\n');
            html.append(paragraph(today)).append(htmlList(dueToday));
        }
        if (!overdue.isEmpty()) {
            String stillOpen = texts.text("digest.overdue");
            text.append(stillOpen).append('\n').append(textList(overdue));
            html.append(paragraph(stillOpen)).append(htmlList(overdue));
        }
        if (!mailToAnswer.isEmpty()) {
            String intro = texts.text("digest.mailToAnswer");
            text.append(dueToday.isEmpty() && overdue.isEmpty() ? "" : "\n").append(intro).append('\n').append(textList(mailToAnswer));
            html.append(paragraph(intro)).append(htmlList(mailToAnswer));
        }
        return new MailContent(subject, text.toString(), page(subject, html.toString()));
    }

    /** A mail whose words are under {@code prefix}.subject, .intro, .action and .outro, around a link. */
    private MailContent withLink(String prefix, String displayName, URI link) {
        return withLink(texts.text(prefix + ".subject"), displayName, texts.text(prefix + ".intro"),
                texts.text(prefix + ".action"), link, texts.text(prefix + ".outro"));
    }

    private String text(MailText text) {
        return texts.text(text.key(), text.values().toArray());
    }

    private MailContent withLink(String subject, String displayName, String intro, String action, URI link, String outro) {
        String url = link.toString();
        String text = greeting(displayName) + "\n\n" + intro + "\n\n" + url + "\n\n" + outro + "\n";
        String html = greetingHtml(displayName)
                + paragraph(intro)
                + "<p style=\"margin:24px 0\"><a href=\"" + Html.escape(url) + "\" style=\"display:inline-block;padding:10px 18px;"
                + "background:#2f6f5e;color:#ffffff;border-radius:6px;text-decoration:none\">" + Html.escape(action) + "</a></p>"
                + "<p style=\"margin:0 0 16px;font-size:14px;color:#4b5158\">" + Html.escape(texts.text("orOpenLink", url)) + "</p>"
                + paragraph(outro);
        return new MailContent(subject, text, page(subject, html));
    }

    private MailContent notice(String subject, String displayName, String what, String ifNotYou) {
        String text = greeting(displayName) + "\n\n" + what + "\n\n" + ifNotYou + "\n";
        String html = greetingHtml(displayName) + paragraph(what) + paragraph(ifNotYou);
        return new MailContent(subject, text, page(subject, html));
    }

    private String describe(Due due) {
        return switch (due) {
            case Due.AllDay allDay -> texts.text("reminder.due", day.format(allDay.date()));
            case Due.Timed timed -> texts.text("reminder.dueAt", day.format(timed.at()), time.format(timed.at()));
        };
    }

    private String greeting(String displayName) {
        return texts.text("greeting", displayName);
    }

    private String greetingHtml(String displayName) {
        return paragraph(greeting(displayName));
    }

    private static String paragraph(String text) {
        return "<p style=\"margin:0 0 16px\">" + Html.escape(text) + "</p>";
    }

    private static String textList(List<String> items) {
        return items.stream().map(item -> "  - " + item + "\n").collect(Collectors.joining());
    }

    private static String htmlList(List<String> items) {
        return items.stream().map(item -> "<li style=\"margin:0 0 6px\">" + Html.escape(item) + "</li>")
                .collect(Collectors.joining("", "<ul style=\"margin:0 0 16px;padding-left:20px\">", "</ul>"));
    }

    /** Collapses line breaks (a subject is one header line) and shortens long titles. */
    private static String oneLine(String text, int maxLength) {
        String line = text.strip().replaceAll("\\s+", " ");
        if (line.codePointCount(0, line.length()) <= maxLength) {
            return line;
        }
        return line.substring(0, line.offsetByCodePoints(0, maxLength - 1)).strip() + "…";
    }

    private String page(String title, String content) {
        return "<!DOCTYPE html><html lang=\"" + language.code() + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + Html.escape(title) + "</title></head>"
                + "<body style=\"margin:0;padding:24px 12px;background:#f6f5f2;color:#1f2328;"
                + "font:16px/1.6 -apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif\">"
                + "<div style=\"max-width:560px;margin:0 auto;padding:24px 28px;background:#ffffff;border-radius:8px\">"
                + content + "</div>"
                + "<p style=\"max-width:560px;margin:16px auto 0;font-size:13px;color:#6b6f76;text-align:center\">"
                + Html.escape(texts.text("signature")) + "</p>"
                + "</body></html>";
    }
}
