package app.tdah.sms.assistant;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The keywords carriers and Twilio honour on every number, whoever it belongs to: a text made of one of these words
 * (any case, surrounding spaces and punctuation ignored) opts the number out, back in, or asks for help.
 */
enum CarrierKeyword {
    STOP(Set.of("stop", "stopall", "unsubscribe", "cancel", "end", "quit")),
    START(Set.of("start", "unstop", "yes")),
    HELP(Set.of("help", "info"));

    private final Set<String> words;

    CarrierKeyword(Set<String> words) {
        this.words = words;
    }

    static Optional<CarrierKeyword> of(String body) {
        String word = body.strip().replaceAll("^\\p{Punct}+|\\p{Punct}+$", "").toLowerCase(Locale.ROOT);
        for (CarrierKeyword keyword : values()) {
            if (keyword.words.contains(word)) {
                return Optional.of(keyword);
            }
        }
        return Optional.empty();
    }
}
