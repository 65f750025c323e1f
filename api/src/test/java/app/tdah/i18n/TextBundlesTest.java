package app.tdah.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every text bundle the server speaks in (mails, texts, notices: each {@code *Texts.properties} under the resources),
 * in every language: the same keys as English, and in each text the same placeholders. A key missing in French would
 * go out in English; a placeholder lost would drop a link, a name or a date.
 */
class TextBundlesTest {

    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");
    /**
     * Formats rather than sentences: the code passes every form (an hour unpadded and padded, the minutes) and each
     * language picks its own ("9h05" uses the unpadded hour, "09:05" the padded one).
     */
    private static final Set<String> FORMATS = Set.of("app/tdah/sms/SmsTexts.properties#time",
            "app/tdah/sms/SmsTexts.properties#time.onTheHour");

    /** Each English bundle with each of its translations. */
    static Stream<Arguments> translations() throws IOException {
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            return files.filter(f -> f.getFileName().toString().endsWith("Texts.properties")).toList().stream()
                    .flatMap(english -> Stream.of(ProfileLanguage.values()).filter(l -> l != ProfileLanguage.EN)
                            .map(l -> Arguments.of(RESOURCES.relativize(english).toString(),
                                    english.resolveSibling(english.getFileName().toString()
                                            .replace(".properties", "_" + l.code() + ".properties")))));
        }
    }

    @Test
    void theBundlesAreFound() throws IOException {
        assertThat(translations().map(a -> a.get()[0].toString()))
                .as("the mail, SMS, leave-now and integration texts at least")
                .contains("app/tdah/mail/MailTexts.properties", "app/tdah/sms/SmsTexts.properties",
                        "app/tdah/scheduling/LeaveNowTexts.properties", "app/tdah/integrations/IntegrationTexts.properties");
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("translations")
    void everyLanguageSaysEverythingEnglishSaysWithTheSamePlaceholders(String english, Path translation) throws IOException {
        Properties source = load(RESOURCES.resolve(english));
        Properties translated = load(translation);

        assertThat(translated.stringPropertyNames()).as("the keys of " + translation)
                .containsExactlyInAnyOrderElementsOf(source.stringPropertyNames());
        Map<String, Set<String>> expected = placeholders(source);
        Map<String, Set<String>> found = placeholders(translated);
        FORMATS.stream().filter(f -> f.startsWith(english + "#")).map(f -> f.substring(english.length() + 1))
                .forEach(format -> {
                    expected.remove(format);
                    found.remove(format);
                });
        assertThat(found).as("the placeholders of " + translation).isEqualTo(expected);
    }

    private static Properties load(Path file) throws IOException {
        assertThat(file).exists();
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }

    /** Each key with the placeholders its text uses, e.g. {@code reminder.dueAt -> [{0}, {1}]}. */
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
}
