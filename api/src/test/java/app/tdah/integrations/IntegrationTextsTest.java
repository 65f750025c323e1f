package app.tdah.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import app.tdah.i18n.ProfileLanguage;
import app.tdah.i18n.Texts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The integrations' in-app notices: one bundle per language, with the same keys, each naming the provider. */
class IntegrationTextsTest {

    private static Properties file(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = IntegrationTokens.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @ParameterizedTest
    @ValueSource(strings = {"IntegrationTexts_fr.properties", "IntegrationTexts_es.properties"})
    void everyLanguageSaysEverythingEnglishSays(String translation) throws IOException {
        Properties english = file("IntegrationTexts.properties");
        Properties translated = file(translation);

        assertThat(translated.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        translated.stringPropertyNames().forEach(key -> assertThat(translated.getProperty(key)).as(key).contains("{0}"));
    }

    @Test
    void theNoticeNamesTheProviderInEachLanguage() {
        String bundle = IntegrationTokens.class.getPackageName() + ".IntegrationTexts";
        assertThat(Texts.load(bundle, ProfileLanguage.EN).text("needsReconnect.title", "Google"))
                .isEqualTo("Reconnect your Google account");
        assertThat(Texts.load(bundle, ProfileLanguage.FR).text("needsReconnect.title", "Google"))
                .isEqualTo("Reconnectez votre compte Google");
        assertThat(Texts.load(bundle, ProfileLanguage.ES).text("needsReconnect.body", "Google"))
                .startsWith("Google ya no acepta");
    }
}
