package app.tdah.planner;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reads a task title into its {@link TitleShape}, with one language's verbs, fillers and prepositions. Thread-safe. */
final class TitleReader {

    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** Long titles are cut so that a step quoting them stays short. */
    private static final int MAX_TASK_LENGTH = 60;
    private static final String TRAILING_PUNCTUATION = ".!?,;:";
    private final PlannerLanguage language;
    private final PhraseList verbs;
    private final PhraseList fillers;

    TitleReader(PlannerLanguage language) {
        this.language = language;
        this.verbs = new PhraseList(language.kinds().stream().flatMap(kind -> kind.verbs().stream()).toList());
        this.fillers = new PhraseList(language.fillers());
    }

    TitleShape read(String title) {
        List<String> words = shortened(tidied(shouting(title) ? title.toLowerCase(Locale.ROOT) : title));
        String task = words.isEmpty() ? language.unnamedTask() : String.join(" ", words);
        String[] keys = words.stream().map(Words::key).toArray(String[]::new);

        int start = 0;
        while (fillers.longestAt(keys, start) > 0) {
            start += fillers.longestAt(keys, start);
        }
        int verbLength = verbs.longestAt(keys, start);
        if (verbLength == 0) {
            return TitleShape.unrecognised(task);
        }
        String verb = String.join(" ", Arrays.asList(keys).subList(start, start + verbLength));
        List<String> rest = words.subList(start + verbLength, words.size());
        int split = firstPreposition(rest);
        if (rest.isEmpty() || split == 0) {
            return new TitleShape(task, verb, null, null, null);
        }
        if (split < 0) {
            return new TitleShape(task, verb, new NounPhrase(rest, language.nouns()), null, null);
        }
        List<String> topic = rest.subList(split + 1, rest.size());
        return new TitleShape(task, verb, new NounPhrase(rest.subList(0, split), language.nouns()),
                Words.key(rest.get(split)), topic.isEmpty() ? null : new NounPhrase(topic, language.nouns()));
    }

    /**
     * Written all in capitals: then capitals say nothing about names, and read as written "REPLY TO LANDLORD" would
     * give "Write a rough draft to LANDLORD".
     */
    private static boolean shouting(String title) {
        return title.codePoints().anyMatch(Character::isLetter) && title.codePoints().noneMatch(Character::isLowerCase);
    }

    /** The title's words, without bullets or emoji around them and without punctuation at the end. */
    private static List<String> tidied(String title) {
        String[] words = SPACES.split(title.strip());
        int from = 0;
        int to = words.length;
        while (from < to && !Words.hasLetterOrDigit(words[from])) {
            from++;
        }
        while (to > from && !Words.hasLetterOrDigit(words[to - 1])) {
            to--;
        }
        if (from == to) {
            return List.of();
        }
        String last = words[to - 1];
        int end = last.length();
        while (TRAILING_PUNCTUATION.indexOf(last.charAt(end - 1)) >= 0) {
            end--;
        }
        return concat(Arrays.asList(words).subList(from, to - 1), last.substring(0, end));
    }

    /** At most {@link #MAX_TASK_LENGTH} characters, cut between words, with an ellipsis when cut. */
    private static List<String> shortened(List<String> words) {
        int length = -1;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            length += 1 + word.codePointCount(0, word.length());
            if (length > MAX_TASK_LENGTH) {
                return i == 0
                        ? List.of(word.substring(0, word.offsetByCodePoints(0, MAX_TASK_LENGTH)) + "…")
                        : concat(words.subList(0, i - 1), words.get(i - 1) + "…");
            }
        }
        return words;
    }

    /** Where the detail starts ("about the bill"), or -1 without one. */
    private int firstPreposition(List<String> words) {
        for (int i = 0; i < words.size(); i++) {
            if (language.prepositions().contains(Words.key(words.get(i)))) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> concat(List<String> head, String last) {
        return Stream.concat(head.stream(), Stream.of(last)).toList();
    }
}
