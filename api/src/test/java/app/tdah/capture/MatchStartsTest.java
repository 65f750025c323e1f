package app.tdah.capture;

import static org.assertj.core.api.Assertions.assertThat;

import app.tdah.capture.Phrases.Kind;
import app.tdah.capture.Phrases.Phrase;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A search that skips the positions {@link MatchStarts} turns away finds exactly what {@link Matcher#find()} finds:
 * the same matches, at the same places, for every phrase of every language.
 */
class MatchStartsTest {

    private static final List<Kind<?>> KINDS = Stream.of(Phrases.PRIORITY_STEP, Phrases.REMIND_BEFORE_STEP,
            Phrases.REMIND_ME_STEP, Phrases.RECURRENCE_STEP, Phrases.ELAPSED_STEP, Phrases.DATE_STEP,
            Phrases.TIME_STEP, Phrases.DAYPART_STEP).<Kind<?>>flatMap(List::stream).toList();

    private static List<Phrase> everyPhrase() {
        List<Phrase> phrases = new ArrayList<>();
        for (Language language : List.of(English.LANGUAGE, French.LANGUAGE, Spanish.LANGUAGE)) {
            for (Kind<?> kind : KINDS) {
                phrases.addAll(language.phrases(kind));
            }
        }
        return phrases;
    }

    /** The corpus texts as written, upper-cased, and glued to a letter on either side (where a match must not start). */
    private static List<String> corpusTexts() {
        List<String> texts = new ArrayList<>();
        for (CaptureEval.Case c : Corpus.cases()) {
            texts.add(c.text());
            texts.add(c.text().toUpperCase(Locale.ROOT));
            texts.add("x" + c.text().replace(" ", "x ") + "x");
        }
        return texts;
    }

    /** Words of every corpus, numbers, marks, accents, characters past Latin-1, joined in any order. */
    private static List<String> randomTexts(int count) {
        List<String> pieces = new ArrayList<>(List.of("1", "17", "5", "2026", "3/14", "15/03", "17:30", "17h", "#",
                "!", "!!", "'", "’", "-", ",", ".", "@", "é", "À", "ñ", "Ú", "\u00A0", "\t", "İ", "K", "ſ", "🎉", "ß"));
        for (CaptureEval.Case c : Corpus.cases()) {
            pieces.addAll(List.of(c.text().split(" ")));
        }
        Random random = new Random(20261202);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder text = new StringBuilder();
            for (int words = 1 + random.nextInt(12); words > 0; words--) {
                String piece = pieces.get(random.nextInt(pieces.size()));
                text.append(random.nextInt(5) == 0 ? piece.toUpperCase(Locale.ROOT) : piece)
                        .append(random.nextInt(4) == 0 ? "" : " ");
            }
            texts.add(text.toString());
        }
        return texts;
    }

    @Test
    void everyPhraseFindsWhatMatcherFindFindsInTheCorpusTexts() {
        assertSameMatches(everyPhrase(), corpusTexts());
    }

    @Test
    void everyPhraseFindsWhatMatcherFindFindsInRandomTexts() {
        assertSameMatches(everyPhrase(), randomTexts(3_000));
    }

    @ParameterizedTest
    @ValueSource(strings = {"^\\s*remind", "x*", "(?<![a-z])mon", "#\\w+", "(?<!a)b", "\\bday\\b|$", "é+t"})
    void patternsOfOtherShapesToo(String regex) {
        Phrase phrase = Phrase.of(List.of(), regex);

        assertSameMatches(List.of(phrase), List.of("", "remind me", "  remind", "x remind", "xx", "amon mon Mon",
                "#a #b", "ab b", "day today day", "ÉTÉ été", "ét"));
    }

    @Test
    void turnsAwayMostPositionsOfATextWithoutThePhrase() {
        Phrase tomorrow = English.LANGUAGE.phrases(Phrases.NEAR_DAY).getFirst();
        String text = "buy milk and bread for a whole week";

        assertThat(tomorrow.starts().next(text, 0)).isEqualTo(-1);
        assertThat(tomorrow.starts().next("buy milk tomorrow", 0)).isEqualTo(9);
    }

    private static void assertSameMatches(List<Phrase> phrases, List<String> texts) {
        for (Phrase phrase : phrases) {
            for (String text : texts) {
                assertThat(filtered(phrase, text)).as("%s in \"%s\"", phrase.pattern(), text)
                        .isEqualTo(everywhere(phrase, text));
            }
        }
    }

    private static List<String> everywhere(Phrase phrase, String text) {
        List<String> matches = new ArrayList<>();
        Matcher m = phrase.pattern().matcher(text);
        while (m.find()) {
            matches.add(m.start() + "-" + m.end());
        }
        return matches;
    }

    private static List<String> filtered(Phrase phrase, String text) {
        List<String> matches = new ArrayList<>();
        Matcher m = phrase.matcher(text);
        for (int from = 0; phrase.find(m, text, from); from = Phrase.after(m)) {
            matches.add(m.start() + "-" + m.end());
        }
        return matches;
    }
}
