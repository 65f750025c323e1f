package app.tdah.planner;

import java.util.Locale;

/** Small helpers on the words of a title. */
final class Words {

    private Words() {
    }

    /** The word as looked up in word lists: lower case, straight apostrophes, no punctuation around it. */
    static String key(String word) {
        String lower = word.toLowerCase(Locale.ROOT).replace('’', '\'');
        int start = 0;
        int end = lower.length();
        while (start < end && !Character.isLetterOrDigit(lower.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetterOrDigit(lower.charAt(end - 1))) {
            end--;
        }
        return lower.substring(start, end);
    }

    /** A key without the elided article or preposition before its apostrophe: "d'impôts" is "impôts". */
    static String elided(String key) {
        return key.substring(key.lastIndexOf('\'') + 1);
    }

    static boolean hasLetterOrDigit(String word) {
        return word.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    static String capitalized(String text) {
        if (text.isEmpty()) {
            return text;
        }
        int first = text.codePointAt(0);
        return new StringBuilder(text.length()).appendCodePoint(Character.toUpperCase(first))
                .append(text, Character.charCount(first), text.length()).toString();
    }
}
