package app.tdah.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import app.tdah.i18n.ProfileLanguage;
import app.tdah.i18n.Texts;

import org.junit.jupiter.api.Test;

/** The integrations' in-app notices name the provider in each language (keys and placeholders: TextBundlesTest). */
class IntegrationTextsTest {

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
