package app.tdah.sms;

import java.time.Duration;

import app.tdah.capture.Due;
import app.tdah.i18n.ProfileLanguage;

/** What the product's own texts say. Each fits one segment where it can: a second one costs and may arrive split. */
public final class SmsTemplates {

    /** Titles are cut no shorter than this to stay in one segment; past it, two segments beat an unreadable title. */
    private static final int SHORTEST_TITLE = 20;
    private static final String CUT = "...";

    private SmsTemplates() {
    }

    public static String verificationCode(String code, Duration validity, ProfileLanguage language) {
        return SmsTexts.in(language).text("verification", code, validity.toMinutes());
    }

    /**
     * "Reminder: call mom (due Wed 25 Nov 17:00). Reply DONE when it's done, or SNOOZE 20m.", in the person's
     * language; the title is shortened to keep it in one segment.
     */
    public static String reminder(String taskTitle, Due due, ProfileLanguage language) {
        SmsTexts texts = SmsTexts.in(language);
        String title = taskTitle.strip().replaceAll("\\s+", " ");
        String text = reminderText(texts, title, due);
        int length = title.codePointCount(0, title.length());
        while (SmsText.of(text).segments() > 1 && length > SHORTEST_TITLE) {
            length--;
            text = reminderText(texts, title.substring(0, title.offsetByCodePoints(0, length)).strip() + CUT, due);
        }
        return text;
    }

    private static String reminderText(SmsTexts texts, String title, Due due) {
        return due == null ? texts.text("reminder", title) : texts.text("reminder.due", title, texts.due(due));
    }
}
