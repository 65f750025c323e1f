package app.tdah.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The "leave now" texts in every language, with the same keys and, in each text, the same placeholders. */
class LeaveNowTextsTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");

    private static Properties file(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = LeaveNowNudger.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    private static Map<String, Set<String>> placeholders(Properties texts) {
        Map<String, Set<String>> byKey = new TreeMap<>();
        for (String key : texts.stringPropertyNames()) {
            Set<String> found = new TreeSet<>();
            Matcher matcher = PLACEHOLDER.matcher(texts.getProperty(key));
            while (matcher.find()) {
                found.add(matcher.group());
            }
            byKey.put(key, found);
        }
        return byKey;
    }

    @ParameterizedTest
    @ValueSource(strings = {"LeaveNowTexts_fr.properties", "LeaveNowTexts_es.properties"})
    void everyLanguageSaysEverythingEnglishSaysWithTheSamePlaceholders(String translation) throws IOException {
        Properties english = file("LeaveNowTexts.properties");
        Properties translated = file(translation);

        assertThat(translated.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        assertThat(placeholders(translated)).isEqualTo(placeholders(english));
    }
}
