package app.tdah.capture;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a match of one pattern can start, worked out once from the pattern itself, so that a search runs the regex
 * only there.
 *
 * <p>{@link Matcher#find()} tries the whole pattern at every position of the text, and java.util.regex has no
 * first-character optimisation for patterns that open with a lookbehind and alternatives, as every phrase does: a long
 * text holding every cue (what the fuzzer writes) paid each of about a hundred patterns at each of its positions. The
 * first two characters and the one before turn away nearly every position ("mo" may start "monday", but not inside
 * "demo"; "xm" starts nothing).
 *
 * <p>The tables come from asking the pattern about one or two characters alone: when a match of that short text fails
 * without reaching its end ({@link Matcher#hitEnd()} false), no text that begins with them can match. The lookbehinds
 * that open the patterns are negative ("not inside a word") and pass at the start of a probe, so the tables only ever
 * let through too much: a position they let through may still fail, one they turn away cannot match. Characters past
 * Latin-1 are not in the tables and always let through. {@code MatchStartsTest} holds searches through them to
 * {@link Matcher#find()}.
 */
final class MatchStarts {

    private static final int LATIN_1 = 256;
    private static final int ASCII = 128;

    /** Latin-1 characters a match may begin with. */
    private final long[] first = new long[LATIN_1 / 64];
    /**
     * Bit {@code c * 128 + d}: a match may begin with {@code c} then {@code d}, both ASCII; only asked when both are
     * lower-case letters or digits, or {@code d} a space.
     */
    private final long[] pairs = new long[ASCII * ASCII / 64];
    /** ASCII characters a match may start right after. */
    private final long[] after = new long[ASCII / 64];
    /** Whether the pattern matches the empty text, so a match may start at the very end. */
    private final boolean matchesEmpty;

    private MatchStarts(Pattern pattern) {
        Matcher probe = pattern.matcher("");
        char[] two = new char[2];
        for (char c = 0; c < LATIN_1; c++) {
            if (!mayMatch(probe.reset(String.valueOf(c)))) {
                continue;
            }
            set(first, c);
            if (!isPaired(c)) {
                continue;
            }
            two[0] = c;
            for (char d = 0; d < ASCII; d++) {
                two[1] = d;
                if (!isPaired(d) && d != ' ' || mayMatch(probe.reset(new String(two)))) {
                    set(pairs, c * ASCII + d);
                }
            }
        }
        // An empty region after the character: the lookbehind sees it, and anything past it is the end.
        Matcher afterIt = pattern.matcher("").useTransparentBounds(true).useAnchoringBounds(false);
        for (char before = 0; before < ASCII; before++) {
            if (mayMatch(afterIt.reset(String.valueOf(before)).region(1, 1))) {
                set(after, before);
            }
        }
        matchesEmpty = probe.reset("").lookingAt();
    }

    static MatchStarts of(Pattern pattern) {
        return new MatchStarts(pattern);
    }

    /** Whether some text beginning as the probe's could match: the probe does, or the matcher wanted more text. */
    private static boolean mayMatch(Matcher probe) {
        return probe.lookingAt() || probe.hitEnd();
    }

    /** Lower-case ASCII letters and digits: what most of a text is, and few enough to probe every pair of. */
    private static boolean isPaired(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }

    /**
     * The first position from {@code from} on (up to the text's length, where only an empty match may start) at
     * which a match may start, or -1.
     */
    int next(CharSequence text, int from) {
        int length = text.length();
        if (from > length) {
            return -1;
        }
        char before = from == 0 ? 0 : text.charAt(from - 1);
        for (int i = from; i < length; i++) {
            char c = text.charAt(i);
            if (c >= LATIN_1) {
                return i;
            }
            boolean may = get(first, c) && (i == 0 || before >= ASCII || get(after, before));
            if (may && isPaired(c) && i + 1 < length) {
                char d = text.charAt(i + 1);
                may = d >= ASCII || get(pairs, c * ASCII + d);
            }
            if (may) {
                return i;
            }
            before = c;
        }
        return matchesEmpty ? length : -1;
    }

    private static boolean get(long[] bits, int index) {
        return (bits[index >>> 6] & (1L << index)) != 0;
    }

    private static void set(long[] bits, int index) {
        bits[index >>> 6] |= 1L << index;
    }
}
