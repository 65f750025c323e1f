package app.tdah.sms;

import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import app.tdah.capture.Due;

/** What the product's own texts say. Each fits one segment where it can: a second one costs and may arrive split. */
public final class SmsTemplates {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    /** Titles are cut no shorter than this to stay in one segment; past it, two segments beat an unreadable title. */
    private static final int SHORTEST_TITLE = 20;
    private static final String CUT = "...";

    private SmsTemplates() {
    }

    public static String verificationCode(String code, Duration validity) {
        return "Your Personal Assistant code is " + code + ". It expires in " + validity.toMinutes()
                + " minutes. Don't share it with anyone.";
    }

    /** "Reminder: call mom (due Wed 25 Nov 17:00). Reply DONE when it's done, or SNOOZE 20m." */
    public static String reminder(String taskTitle, Due due) {
        String title = taskTitle.strip().replaceAll("\\s+", " ");
        String text = reminderText(title, due);
        int length = title.codePointCount(0, title.length());
        while (SmsText.of(text).segments() > 1 && length > SHORTEST_TITLE) {
            length--;
            text = reminderText(title.substring(0, title.offsetByCodePoints(0, length)).strip() + CUT, due);
        }
        return text;
    }

    private static String reminderText(String title, Due due) {
        String dueText = due == null ? "" : " (due " + describe(due) + ")";
        return "Reminder: " + title + dueText + ". Reply DONE when it's done, or SNOOZE 20m.";
    }

    private static String describe(Due due) {
        return switch (due) {
            case Due.AllDay allDay -> DAY.format(allDay.date());
            case Due.Timed timed -> DAY.format(timed.at()) + " " + TIME.format(timed.at());
        };
    }
}
