package app.tdah.planner;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Phrases of one or more words ("call", "reply to"), looked up at a position in a title's word keys. */
final class PhraseList {

    /** By first word, longest phrase first, so "move out of" wins over "move". */
    private final Map<String, List<String[]>> byFirstWord;

    PhraseList(Collection<String> phrases) {
        byFirstWord = phrases.stream()
                .distinct()
                .map(phrase -> phrase.split(" "))
                .sorted(Comparator.comparingInt((String[] words) -> words.length).reversed())
                .collect(Collectors.groupingBy(words -> words[0]));
    }

    /** The number of words of the longest phrase that starts at {@code from}, or 0 when none does. */
    int longestAt(String[] keys, int from) {
        if (from >= keys.length) {
            return 0;
        }
        for (String[] phrase : byFirstWord.getOrDefault(keys[from], List.of())) {
            if (matchesAt(phrase, keys, from)) {
                return phrase.length;
            }
        }
        return 0;
    }

    private static boolean matchesAt(String[] phrase, String[] keys, int from) {
        if (from + phrase.length > keys.length) {
            return false;
        }
        for (int i = 0; i < phrase.length; i++) {
            if (!phrase[i].equals(keys[from + i])) {
                return false;
            }
        }
        return true;
    }
}
