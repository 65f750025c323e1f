package app.tdah.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Properties;

import app.tdah.i18n.ProfileLanguage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One bundle per language, with the same keys; placeholders filled as written. */
class SmsTextsTest {

    private static Properties file(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = SmsTexts.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @ParameterizedTest
    @ValueSource(strings = {"SmsTexts_fr.properties", "SmsTexts_es.properties"})
    void everyLanguageSaysEverythingEnglishSays(String translation) throws IOException {
        assertThat(file(translation).stringPropertyNames())
                .as("a key missing here would be sent in English")
                .containsExactlyInAnyOrderElementsOf(file("SmsTexts.properties").stringPropertyNames());
    }

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
