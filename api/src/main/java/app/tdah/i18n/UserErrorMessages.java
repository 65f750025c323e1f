package app.tdah.i18n;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The userErrors' messages in French and Spanish. Services write their messages in English (tests, logs and the SMS
 * assistant read them so); the GraphQL answer is given in the person's language by looking the English message up in
 * {@code app/tdah/i18n/UserErrorMessages.txt}, one block per message. {@code {0}}, {@code {1}} stand for what the
 * code puts in a message (a number, a provider's name, a phrase); a phrase listed there too ("~ calendar") is
 * translated in turn. A message not listed stays in English.
 */
public final class UserErrorMessages {

    private record Entry(String english, Pattern pattern, String french, String spanish, boolean phrase) {

        String in(ProfileLanguage language) {
            return language == ProfileLanguage.FR ? french : spanish;
        }
    }

    private static final Pattern SLOT = Pattern.compile("\\{(\\d)}");
    private static final String PHRASE = "~ ";
    private static final List<Entry> ENTRIES = read("UserErrorMessages.txt");

    private UserErrorMessages() {
    }

    /** {@code english} in {@code language}: its translation when listed, otherwise as it is. */
    public static String in(ProfileLanguage language, String english) {
        if (language == ProfileLanguage.EN || english == null) {
            return english;
        }
        return translated(language, english, false).orElse(english);
    }

    /** The English of every listed message, with its slots ({@code {0}}), phrases used inside messages left out. */
    public static List<String> englishMessages() {
        return ENTRIES.stream().filter(entry -> !entry.phrase()).map(Entry::english).toList();
    }

    private static Optional<String> translated(ProfileLanguage language, String english, boolean phrase) {
        for (Entry entry : ENTRIES) {
            if (entry.phrase() != phrase) {
                continue;
            }
            Matcher values = entry.pattern().matcher(english);
            if (values.matches()) {
                return Optional.of(SLOT.matcher(entry.in(language)).replaceAll(slot -> {
                    String value = values.group(Integer.parseInt(slot.group(1)) + 1);
                    return Matcher.quoteReplacement(translated(language, value, true).orElse(value));
                }));
            }
        }
        return Optional.empty();
    }

    private static List<Entry> read(String resource) {
        List<Entry> entries = new ArrayList<>();
        try (InputStream in = UserErrorMessages.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + resource);
            }
            List<String> block = new ArrayList<>();
            for (String line : new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList()) {
                if (line.startsWith("#")) {
                    continue;
                }
                if (line.isBlank()) {
                    addBlock(block, entries);
                    block.clear();
                } else {
                    block.add(line);
                }
            }
            addBlock(block, entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(entries);
    }

    private static void addBlock(List<String> block, List<Entry> entries) {
        if (block.isEmpty()) {
            return;
        }
        if (block.size() != 3 || !block.get(1).startsWith("fr: ") || !block.get(2).startsWith("es: ")) {
            throw new IllegalStateException("A userError translation is the English, then \"fr: \" and \"es: \": " + block);
        }
        boolean phrase = block.get(0).startsWith(PHRASE);
        String english = phrase ? block.get(0).substring(PHRASE.length()) : block.get(0);
        String french = block.get(1).substring(4);
        String spanish = block.get(2).substring(4);
        if (!slots(french).equals(slots(english)) || !slots(spanish).equals(slots(english))) {
            throw new IllegalStateException("A userError translation drops or adds a {n}: " + block);
        }
        entries.add(new Entry(english, pattern(english), french, spanish, phrase));
    }

    private static Set<String> slots(String text) {
        Set<String> slots = new TreeSet<>();
        SLOT.matcher(text).results().forEach(slot -> slots.add(slot.group()));
        return slots;
    }

    /** The English with each slot matching any text (at least one character). */
    private static Pattern pattern(String english) {
        StringBuilder pattern = new StringBuilder();
        Matcher slots = SLOT.matcher(english);
        int last = 0;
        while (slots.find()) {
            pattern.append(Pattern.quote(english.substring(last, slots.start()))).append("(.+?)");
            last = slots.end();
        }
        pattern.append(Pattern.quote(english.substring(last)));
        return Pattern.compile(pattern.toString());
    }
}
