package app.tdah.capture;

import app.tdah.capture.Phrases.Kind;
import app.tdah.capture.Phrases.Phrase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One language's phrases: for each kind of phrase it has, its regular expressions in order of precedence. What a
 * phrase means is the kind's ({@link Phrases}), the same in every language.
 */
final class Language {

    private final String code;
    private final Map<Kind<?>, List<Phrase>> phrases;
    private final Pattern remindConnector;

    private Language(String code, Map<Kind<?>, List<Phrase>> phrases, Pattern remindConnector) {
        this.code = code;
        this.phrases = phrases;
        this.remindConnector = remindConnector;
    }

    /** The ISO 639-1 code: {@code en}, {@code fr}, {@code es}. */
    String code() {
        return code;
    }

    List<Phrase> phrases(Kind<?> kind) {
        return phrases.getOrDefault(kind, List.of());
    }

    /**
     * The word that joins "remind me" to the task ("to", "de", "que"), which is left at the start of the title once
     * the phrases between them are gone ("remind me tomorrow to call Jo").
     */
    Pattern remindConnector() {
        return remindConnector;
    }

    static Builder builder(String code) {
        return new Builder(code);
    }

    static final class Builder {
        private final String code;
        private final Map<Kind<?>, List<Phrase>> phrases = new HashMap<>();

        private Builder(String code) {
            this.code = code;
        }

        /** A phrase of that kind; {@code cues} are lower-case literals, one of which is in any match. */
        Builder phrase(Kind<?> kind, List<String> cues, String regex) {
            phrases.computeIfAbsent(kind, k -> new ArrayList<>()).add(Phrase.of(cues, regex));
            return this;
        }

        Language build(String remindConnector) {
            Map<Kind<?>, List<Phrase>> frozen = new HashMap<>();
            phrases.forEach((kind, list) -> frozen.put(kind, List.copyOf(list)));
            return new Language(code, Map.copyOf(frozen), Vocabulary.compile(remindConnector));
        }
    }
}
