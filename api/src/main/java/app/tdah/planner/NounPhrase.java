package app.tdah.planner;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A run of words from a title naming a thing or a person: "the dentist", "electricity bill", "mom", "chapter 4";
 * "le dentiste", "au proprio"; "al dentista", "a mamá". How it takes an article or a preposition is its language's
 * ({@link Nouns}).
 */
record NounPhrase(List<String> words, Nouns nouns) {

    NounPhrase {
        words = List.copyOf(words);
    }

    /** The words as written, in the second person: the steps speak to the person, so "my room" becomes "your room". */
    String text() {
        return words.stream().map(nouns::secondPerson).collect(Collectors.joining(" "));
    }

    /** The phrase as it stands in the title after its verb: "the dentist", "au dentiste", "al dentista". */
    String asWritten() {
        return nouns.asWritten(this);
    }

    /** The phrase on its own, with a definite article where the language needs one: "the dentist", "le dentiste". */
    String definite() {
        return nouns.definite(this);
    }

    /** The phrase as the person's own: "your passport" in English; as on its own elsewhere. */
    String yours() {
        return nouns.yours(this);
    }

    /** "of the dentist", "du dentiste", "del dentista", "de mamá". */
    String of() {
        return nouns.of(this);
    }

    /** "to the dentist", "au dentiste", "al dentista", "a mamá". */
    String to() {
        return nouns.to(this);
    }

    /** True when one of the words is one of {@code nouns} (given as keys); "d'impôts" mentions "impôts". */
    boolean mentionsAny(Set<String> nouns) {
        return words.stream().map(Words::key).anyMatch(key -> nouns.contains(key) || nouns.contains(Words.elided(key)));
    }

    /** "the dentist's", "James'"; null for null. */
    static String possessive(String phrase) {
        if (phrase == null) {
            return null;
        }
        return phrase.endsWith("s") || phrase.endsWith("S") ? phrase + "'" : phrase + "'s";
    }
}
