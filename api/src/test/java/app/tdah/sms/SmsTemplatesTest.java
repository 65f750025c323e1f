package app.tdah.sms;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import app.tdah.capture.Due;
import app.tdah.i18n.ProfileLanguage;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The product's own texts stay in one segment whenever the content allows. */
class SmsTemplatesTest {

    @Test
    void aReminderNamesTheTaskItsDueAndTheReplies() {
        String text = SmsTemplates.reminder("call mom", new Due.Timed(ZonedDateTime.of(2026, 11, 25, 17, 0, 0, 0, ZoneId.of("Europe/Paris"))),
                ProfileLanguage.EN);

        assertThat(text).isEqualTo("Reminder: call mom (due Wed 25 Nov 17:00). Reply DONE when it's done, or SNOOZE 20m.");
        assertThat(SmsText.of(text).segments()).isEqualTo(1);
    }

    @Test
    void aLongTitleIsShortenedToKeepTheReminderInOneSegment() {
        String title = "renew the passport at the town hall before the trip, with two photos and the old passport and the form";
        String text = SmsTemplates.reminder(title + " " + title, new Due.AllDay(LocalDate.of(2026, 11, 25)), ProfileLanguage.EN);

        assertThat(SmsText.of(text)).isEqualTo(new SmsText(SmsText.Encoding.GSM7, 1));
        assertThat(text).startsWith("Reminder: renew the passport").contains("... (due Wed 25 Nov)").endsWith("SNOOZE 20m.");
    }

    @Test
    void anEmojiTitleStaysWholeWhenItFitsInOneUcs2Segment() {
        String text = SmsTemplates.reminder("water 🌱", null, ProfileLanguage.EN);

        assertThat(text).isEqualTo("Reminder: water 🌱. Reply DONE when it's done, or SNOOZE 20m.");
        assertThat(SmsText.of(text)).isEqualTo(new SmsText(SmsText.Encoding.UCS2, 1));
    }

    @Test
    void aReminderIsWrittenInThePersonsLanguageAndStaysGsm() {
        Due friday = new Due.Timed(ZonedDateTime.of(2026, 11, 27, 17, 30, 0, 0, ZoneId.of("Europe/Paris")));
        Due august = new Due.AllDay(LocalDate.of(2026, 8, 15));

        String french = SmsTemplates.reminder("appeler l'école", friday, ProfileLanguage.FR);
        String spanish = SmsTemplates.reminder("pagar el alquiler", august, ProfileLanguage.ES);

        assertThat(french).isEqualTo("Rappel : appeler l'école (pour ven 27 nov 17h30). Répondez FAIT quand c'est fait, "
                + "ou REPORTER 20m.");
        assertThat(SmsTemplates.reminder("arroser", null, ProfileLanguage.FR))
                .isEqualTo("Rappel : arroser. Répondez FAIT quand c'est fait, ou REPORTER 20m.");
        assertThat(spanish).isEqualTo("Recordatorio: pagar el alquiler (para sab 15 ago). Responde HECHO cuando esté hecha, "
                + "o POSPONER 20m.");
        assertThat(List.of(french, spanish)).allSatisfy(text ->
                assertThat(SmsText.of(text)).as(text).isEqualTo(new SmsText(SmsText.Encoding.GSM7, 1)));
    }

    @Test
    void aLongFrenchReminderIsShortenedLikeAnEnglishOne() {
        String title = "renouveler le passeport à la mairie avant le voyage, avec deux photos et l'ancien passeport";
        String text = SmsTemplates.reminder(title + " " + title, new Due.AllDay(LocalDate.of(2026, 11, 25)), ProfileLanguage.FR);

        assertThat(SmsText.of(text)).isEqualTo(new SmsText(SmsText.Encoding.GSM7, 1));
        assertThat(text).startsWith("Rappel : renouveler le passeport").contains("... (pour mer 25 nov)")
                .endsWith("REPORTER 20m.");
    }

    @Test
    void theVerificationTextCarriesTheCodeInOneSegment() {
        String text = SmsTemplates.verificationCode("042917", Duration.ofMinutes(10), ProfileLanguage.EN);

        assertThat(text).contains("042917").contains("10 minutes");
        assertThat(SmsText.of(text).segments()).isEqualTo(1);
        assertThat(List.of(ProfileLanguage.FR, ProfileLanguage.ES)).allSatisfy(language -> {
            String translated = SmsTemplates.verificationCode("042917", Duration.ofMinutes(10), language);
            assertThat(translated).contains("042917", " 10 minut").isNotEqualTo(text);
            assertThat(SmsText.of(translated)).as(translated).isEqualTo(new SmsText(SmsText.Encoding.GSM7, 1));
        });
    }
}
