package app.tdah.mail;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import app.tdah.capture.Due;

/**
 * The product's mails, short and calm, as plain text and as HTML with inline styles and no external assets. Names and
 * task titles come from people: they are escaped in HTML and kept to one line in subjects.
 */
public final class MailTemplates {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final int SUBJECT_TITLE_LENGTH = 120;

    private MailTemplates() {
    }

    public static MailContent verification(String displayName, URI link) {
        return withLink("Confirm your email address", displayName,
                "Please confirm this is your email address, so reminders and password resets reach you.",
                "Confirm my email", link, "If you did not sign up, you can ignore this mail.");
    }

    public static MailContent passwordReset(String displayName, URI link) {
        return withLink("Reset your password", displayName,
                "Someone asked to reset the password of your account. Choose a new one here:",
                "Choose a new password", link, "If it was not you, ignore this mail: your password stays as it is.");
    }

    /** Sent to the new address of an email change: the address changes only when this link is opened. */
    public static MailContent emailChange(String displayName, URI link) {
        return withLink("Confirm your new email address", displayName,
                "Please confirm you want your account to use this email address from now on.",
                "Confirm my new email", link, "If you did not ask for this, you can ignore this mail: nothing changes.");
    }

    /** Sent to the current address when someone asks to move the account to another one. */
    public static MailContent emailChangeRequested(String displayName, String newEmail) {
        return notice("Your email address is about to change", displayName,
                "Someone signed in to your account asked to use " + newEmail + " as its email address from now on. "
                        + "It changes only once a link sent to that address is opened.",
                "If it was not you, change your password now and sign out your other sessions.");
    }

    /** Sent after the password was changed or reset, so a person whose account was taken over hears of it. */
    public static MailContent passwordChanged(String displayName) {
        return notice("Your password was changed", displayName,
                "The password of your account was just changed, and your other sessions were signed out.",
                "If it was not you, reset your password now from the sign-in page.");
    }

    /** Sent when a provider stopped accepting a connected account's grant: nothing syncs until it is connected again. */
    public static MailContent integrationNeedsReconnect(String displayName, String providerName, URI settings) {
        return withLink("Reconnect your " + providerName + " account", displayName,
                providerName + " no longer lets Personal Assistant read your calendar or mail (the access was removed, "
                        + "or it expired). Your agenda stays as it was until you connect again.",
                "Reconnect " + providerName, settings, "If you removed the access on purpose, there is nothing to do.");
    }

    /** Sent when someone signs up with the address of an existing account, which sign-up itself does not reveal. */
    public static MailContent signUpWithYourAddress(String displayName, URI signIn, URI forgotPassword) {
        return withLink("Someone tried to sign up with your address", displayName,
                "Someone just tried to create a Personal Assistant account with this address, which already has one. "
                        + "If it was you, sign in instead; if you forgot your password, reset it here: " + forgotPassword,
                "Sign in", signIn, "If it was not you, there is nothing to do: nothing was changed and no account was created.");
    }

    /** Sent after a change that adds a way into the account or a second factor, so a hijacked session cannot hide it. */
    public static MailContent securityChange(String displayName, String change) {
        return notice("A change to your account's security", displayName, change,
                "If it was not you, reset your password now from the sign-in page, then review your linked accounts, "
                        + "phone and two-step sign-in in Settings.");
    }

    /**
     * Sent after a password reset: what was done, and every way into the account that the reset left in place, for the
     * person to check (someone who knew the old password may have added one).
     */
    public static MailContent passwordWasReset(String displayName, List<String> toReview) {
        String what = "The password of your account was just reset, and every session was signed out.";
        String review = toReview.isEmpty() ? "" : "Please check these; remove in Settings any you don't recognise:";
        String ifNotYou = "If it was not you, reset your password again now from the sign-in page.";
        String subject = "Your password was reset";
        String text = greeting(displayName) + "\n\n" + what + "\n\n"
                + (toReview.isEmpty() ? "" : review + "\n" + textList(toReview) + "\n") + ifNotYou + "\n";
        String html = greetingHtml(displayName) + paragraph(what)
                + (toReview.isEmpty() ? "" : paragraph(review) + htmlList(toReview)) + paragraph(ifNotYou);
        return new MailContent(subject, text, page(subject, html));
    }

    public static MailContent reminder(String displayName, String taskTitle, Due due) {
        // A reminder set at a time of its own may belong to a task without a due: then there is no "Due" line.
        String dueLine = due == null ? "" : "Due " + describe(due);
        String subject = "Reminder: " + oneLine(taskTitle, SUBJECT_TITLE_LENGTH);
        String text = greeting(displayName) + "\n\nA gentle reminder:\n\n  " + taskTitle + (dueLine.isEmpty() ? "" : "\n  " + dueLine) + "\n";
        String html = greetingHtml(displayName)
                + paragraph("A gentle reminder:")
                + "<p style=\"margin:0 0 16px;padding:12px 16px;background:#f1f4f2;border-radius:6px\"><strong>"
                + Html.escape(taskTitle) + "</strong>"
                + (dueLine.isEmpty() ? "" : "<br><span style=\"color:#4b5158\">" + Html.escape(dueLine) + "</span>") + "</p>";
        return new MailContent(subject, text, page(subject, html));
    }

    /** {@code mailToAnswer}: unread mail from people the person wrote to lately, one "sender: subject" line each. */
    public static MailContent dailyDigest(String displayName, LocalDate day, List<String> dueToday, List<String> overdue,
                                          List<String> mailToAnswer) {
        String subject = "Your day: " + DAY.format(day);
        StringBuilder text = new StringBuilder(greeting(displayName)).append("\n\n");
        StringBuilder html = new StringBuilder(greetingHtml(displayName));
        if (dueToday.isEmpty() && overdue.isEmpty()) {
            text.append("Nothing is due today. Enjoy the space.\n");
            html.append(paragraph("Nothing is due today. Enjoy the space."));
        }
        if (!dueToday.isEmpty()) {
            text.append("Today:\n").append(textList(dueToday)).append('\n');
            html.append(paragraph("Today:")).append(htmlList(dueToday));
        }
        if (!overdue.isEmpty()) {
            text.append("Still open from before (pick one, or move them to another day):\n").append(textList(overdue));
            html.append(paragraph("Still open from before (pick one, or move them to another day):")).append(htmlList(overdue));
        }
        if (!mailToAnswer.isEmpty()) {
            String intro = "Unread mail from people you wrote to lately (it may need an answer):";
            text.append(dueToday.isEmpty() && overdue.isEmpty() ? "" : "\n").append(intro).append('\n').append(textList(mailToAnswer));
            html.append(paragraph(intro)).append(htmlList(mailToAnswer));
        }
        return new MailContent(subject, text.toString(), page(subject, html.toString()));
    }

    private static MailContent withLink(String subject, String displayName, String intro, String action, URI link, String outro) {
        String url = link.toString();
        String text = greeting(displayName) + "\n\n" + intro + "\n\n" + url + "\n\n" + outro + "\n";
        String html = greetingHtml(displayName)
                + paragraph(intro)
                + "<p style=\"margin:24px 0\"><a href=\"" + Html.escape(url) + "\" style=\"display:inline-block;padding:10px 18px;"
                + "background:#2f6f5e;color:#ffffff;border-radius:6px;text-decoration:none\">" + Html.escape(action) + "</a></p>"
                + "<p style=\"margin:0 0 16px;font-size:14px;color:#4b5158\">Or open this link: " + Html.escape(url) + "</p>"
                + paragraph(outro);
        return new MailContent(subject, text, page(subject, html));
    }

    private static MailContent notice(String subject, String displayName, String what, String ifNotYou) {
        String text = greeting(displayName) + "\n\n" + what + "\n\n" + ifNotYou + "\n";
        String html = greetingHtml(displayName) + paragraph(what) + paragraph(ifNotYou);
        return new MailContent(subject, text, page(subject, html));
    }

    private static String describe(Due due) {
        return switch (due) {
            case Due.AllDay allDay -> DAY.format(allDay.date());
            case Due.Timed timed -> DAY.format(timed.at()) + " at " + TIME.format(timed.at());
        };
    }

    private static String greeting(String displayName) {
        return "Hi " + displayName + ",";
    }

    private static String greetingHtml(String displayName) {
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

    private static String page(String title, String content) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + Html.escape(title) + "</title></head>"
                + "<body style=\"margin:0;padding:24px 12px;background:#f6f5f2;color:#1f2328;"
                + "font:16px/1.6 -apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif\">"
                + "<div style=\"max-width:560px;margin:0 auto;padding:24px 28px;background:#ffffff;border-radius:8px\">"
                + content + "</div>"
                + "<p style=\"max-width:560px;margin:16px auto 0;font-size:13px;color:#6b6f76;text-align:center\">Personal Assistant</p>"
                + "</body></html>";
    }
}
