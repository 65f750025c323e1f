package app.tdah.sms;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import app.tdah.capture.Due;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The product's own texts stay in one segment whenever the content allows. */
class SmsTemplatesTest {

    @Test
    void aReminderNamesTheTaskItsDueAndTheReplies() {
        String text = SmsTemplates.reminder("call mom", new Due.Timed(ZonedDateTime.of(2026, 11, 25, 17, 0, 0, 0, ZoneId.of("Europe/Paris"))));

        assertThat(text).isEqualTo("Reminder: call mom (due Wed 25 Nov 17:00). Reply DONE when it's done, or SNOOZE 20m.");
        assertThat(SmsText.of(text).segments()).isEqualTo(1);
    }

    @Test
    void aLongTitleIsShortenedToKeepTheReminderInOneSegment() {
        String title = "renew the passport at the town hall before the trip, with two photos and the old passport and the form";
        String text = SmsTemplates.reminder(title + " " + title, new Due.AllDay(LocalDate.of(2026, 11, 25)));

        assertThat(SmsText.of(text)).isEqualTo(new SmsText(SmsText.Encoding.GSM7, 1));
        assertThat(text).startsWith("Reminder: renew the passport").contains("... (due Wed 25 Nov)").endsWith("SNOOZE 20m.");
    }

    @Test
    void anEmojiTitleStaysWholeWhenItFitsInOneUcs2Segment() {
        String text = SmsTemplates.reminder("water 🌱", null);

        assertThat(text).isEqualTo("Reminder: water 🌱. Reply DONE when it's done, or SNOOZE 20m.");
        assertThat(SmsText.of(text)).isEqualTo(new SmsText(SmsText.Encoding.UCS2, 1));
    }

    @Test
    void theVerificationTextCarriesTheCodeInOneSegment() {
        String text = SmsTemplates.verificationCode("042917", Duration.ofMinutes(10));

        assertThat(text).contains("042917").contains("10 minutes");
        assertThat(SmsText.of(text).segments()).isEqualTo(1);
    }
}
