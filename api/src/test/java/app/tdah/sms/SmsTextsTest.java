package app.tdah.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;

import app.tdah.i18n.ProfileLanguage;

import org.junit.jupiter.api.Test;

/** Placeholders filled as written, days and times as each language writes them (keys: TextBundlesTest). */
class SmsTextsTest {

    @Test
    void placeholdersAreFilledAsWrittenApostrophesAndBracesInTitlesIncluded() {
        SmsTexts french = SmsTexts.in(ProfileLanguage.FR);

        assertThat(french.text("alreadyDone", "l'appel {1} à Jo")).isEqualTo("Déjà fait : l'appel {1} à Jo.");
        assertThat(french.text("noSuchNumber", 1200)).isEqualTo("Il n'y a pas de 1200 dans la dernière liste. "
                + "Répondez LISTE pour la revoir.");
    }

    @Test
    void daysAndTimesAsEachLanguageWritesThem() {
        LocalDate wednesday = LocalDate.of(2026, 11, 25);

        assertThat(SmsTexts.in(ProfileLanguage.EN).day(wednesday)).isEqualTo("Wed 25 Nov");
        assertThat(SmsTexts.in(ProfileLanguage.FR).day(wednesday)).isEqualTo("mer 25 nov");
        assertThat(SmsTexts.in(ProfileLanguage.ES).day(wednesday)).isEqualTo("mié 25 nov");
        assertThat(SmsTexts.in(ProfileLanguage.EN).time(LocalTime.of(9, 5))).isEqualTo("09:05");
        assertThat(SmsTexts.in(ProfileLanguage.FR).time(LocalTime.of(9, 5))).isEqualTo("9h05");
        assertThat(SmsTexts.in(ProfileLanguage.FR).time(LocalTime.of(17, 0))).isEqualTo("17h");
        assertThat(SmsTexts.in(ProfileLanguage.ES).time(LocalTime.of(17, 0))).isEqualTo("17:00");
    }
}
