package app.tdah.capture;

import java.time.DayOfWeek;
import java.time.Month;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The words of the capture grammar, as regular-expression fragments and as values. */
final class Vocabulary {

    private Vocabulary() {
    }

    /** Not inside a word; after an apostrophe counts as inside ("c'mon" holds no Monday). */
    static final String START = "(?<![\\p{L}\\p{N}_'’])";
    /** Not inside a word either; a possessive ("friday's") keeps the word out of the grammar. */
    static final String END = "(?![\\p{L}\\p{N}_]|['’]\\p{L})";
    /** Before a number: not inside a word, nor glued to another number (10:30, 3/14). */
    static final String NUMBER_START = "(?<![\\p{L}\\p{N}_:/.])";

    static final String WEEKDAY = "(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
            + "|mon|tues|tue|weds|wed|thurs|thur|thu|fri|sat|sun)";
    static final String MONTH = "(?:january|february|march|april|may|june|july|august|september|october|november"
            + "|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)";
    static final String ORDINAL_SUFFIX = "(?:st|nd|rd|th)";
    static final String ORDINAL = "(?:first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th)";
    /** Between weekdays of a list: "mon, wed and fri", "tue & thu", "sat/sun". */
    static final String LIST_SEPARATOR = "(?:\\s*,\\s*(?:and\\s+)?|\\s+and\\s+|\\s*&\\s*|\\s*/\\s*)";
    /** Up to seven days; bounded because java.util.regex recurses once per repeat of a group. */
    static final String WEEKDAY_LIST = WEEKDAY + END + "(?:" + LIST_SEPARATOR + WEEKDAY + END + "){0,6}";

    static final String MINUTES = "(?:minutes|minute|mins|min)";
    static final String HOURS = "(?:hours|hour|hrs|hr|h)";
    static final String DAYS = "(?:days|day|d)";
    static final String WEEKS = "(?:weeks|week|wks|wk)";
    static final String MONTHS = "(?:months|month)";

    private static final Map<String, Integer> NUMBER_WORDS = Map.ofEntries(
            Map.entry("a", 1), Map.entry("an", 1), Map.entry("one", 1), Map.entry("two", 2),
            Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6),
            Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
            Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("fifteen", 15), Map.entry("twenty", 20),
            Map.entry("thirty", 30), Map.entry("forty-five", 45));

    /**
     * A count followed by its unit: digits may touch the unit ("15min"), a word needs a space ("an hour").
     * Defines the groups {@code n} and {@code nword}; read it with {@link #count}.
     */
    static final String COUNT = "(?:(?<n>\\d{1,3})\\s*|(?<nword>an|a|one|two|three|four|five|six|seven|eight|nine"
            + "|ten|eleven|twelve|fifteen|twenty|thirty|forty-five)\\s+)";

    private static final Pattern WEEKDAY_WORD = Pattern.compile(START + WEEKDAY + END, Pattern.CASE_INSENSITIVE);

    static Pattern compile(String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
    }

    /** The value of a {@link #COUNT}. */
    static int count(Matcher m) {
        String digits = m.group("n");
        return digits != null ? Integer.parseInt(digits) : NUMBER_WORDS.get(lower(m.group("nword")));
    }

    static DayOfWeek weekday(String word) {
        return switch (lower(word).substring(0, 3)) {
            case "mon" -> DayOfWeek.MONDAY;
            case "tue" -> DayOfWeek.TUESDAY;
            case "wed" -> DayOfWeek.WEDNESDAY;
            case "thu" -> DayOfWeek.THURSDAY;
            case "fri" -> DayOfWeek.FRIDAY;
            case "sat" -> DayOfWeek.SATURDAY;
            default -> DayOfWeek.SUNDAY;
        };
    }

    /** Every weekday named in a {@link #WEEKDAY_LIST}, in Monday-to-Sunday order. */
    static Set<DayOfWeek> weekdays(String list) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        WEEKDAY_WORD.matcher(list).results().map(MatchResult::group).map(Vocabulary::weekday).forEach(days::add);
        return days;
    }

    static Month month(String word) {
        String prefix = lower(word).substring(0, 3);
        for (Month month : Month.values()) {
            if (month.name().toLowerCase(Locale.ROOT).startsWith(prefix)) {
                return month;
            }
        }
        throw new IllegalStateException("not a month: " + word);
    }

    /** 1 to 5 for first to fifth, -1 for last. */
    static int ordinal(String word) {
        return switch (lower(word)) {
            case "first", "1st" -> 1;
            case "second", "2nd" -> 2;
            case "third", "3rd" -> 3;
            case "fourth", "4th" -> 4;
            case "fifth", "5th" -> 5;
            default -> -1;
        };
    }

    static String lower(String word) {
        return word.toLowerCase(Locale.ROOT);
    }
}
