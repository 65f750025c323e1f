package app.tdah.capture;

import app.tdah.capture.Recurrence.Frequency;
import java.text.Normalizer;
import java.time.DayOfWeek;
import java.time.Month;
import java.util.EnumSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the words of every language mean, and the regular-expression fragments all the languages share.
 *
 * <p>The meanings are one table for the three languages: a word is looked up lower-cased and without its accents, so
 * "miércoles", "miercoles" and "MIÉRCOLES" are the same Wednesday. A word only reaches a lookup after a language's
 * phrase matched it in its place, so "mar" can be Tuesday (Spanish weekday) and March (English month) in two tables.
 */
final class Vocabulary {

    private Vocabulary() {
    }

    /** Not inside a word; after an apostrophe or a hyphen counts as inside ("c'mon", "après-midi"). */
    static final String START = "(?<![\\p{L}\\p{N}_'’-])";
    /** Not inside a word either; a possessive ("friday's") keeps the word out of the grammar. */
    static final String END = "(?![\\p{L}\\p{N}_]|['’]\\p{L})";
    /** Before a number: not inside a word, nor glued to another number (10:30, 3/14). */
    static final String NUMBER_START = "(?<![\\p{L}\\p{N}_:/.])";
    /** After an hour: not followed by more of a number or a word ("at 5" but not "at 5th" or "at 5.5"). */
    static final String HOUR_END = "(?![\\p{L}\\p{N}_:/]|[.,]\\d)";
    /**
     * After a bare hour ("at 5"): the end, punctuation, or one of the language's {@code words} (a preposition, a part
     * of the day), but not a noun: "répondre à 3 mails" holds no time.
     */
    static String hourFollowedBy(String words) {
        return HOUR_END + "(?!\\s+(?!(?:" + words + ")" + END + ")\\p{L})";
    }

    /** The four-digit year of an ISO date. */
    static final String ISO_DATE = "(?<y>\\d{4})-(?<m>\\d{1,2})-(?<d>\\d{1,2})(?!\\p{N})";

    /** The cues of a phrase that holds a number. */
    static final List<String> DIGITS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    /** The cues of "17h", "9h30": a digit then h. */
    static final List<String> DIGIT_THEN_H = List.of("0h", "1h", "2h", "3h", "4h", "5h", "6h", "7h", "8h", "9h");
    /** The cues of an ISO date. */
    static final List<String> HYPHEN = List.of("-");
    /** The cues of "17:30". */
    static final List<String> COLON = List.of(":");
    /** The cues of "3/14", "15/03". */
    static final List<String> SLASH = List.of("/");

    /** The cues of a phrase that holds a number or one of these words. */
    static List<String> digitsOr(String... words) {
        List<String> cues = new ArrayList<>(DIGITS);
        cues.addAll(List.of(words));
        return List.copyOf(cues);
    }

    static Pattern compile(String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** Lower case without accents: the key of every table below. */
    static String fold(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        for (int i = 0; i < lower.length(); i++) {
            if (lower.charAt(i) > 0x7f) {
                return DIACRITICS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
            }
        }
        return lower;
    }

    private static final Pattern DIACRITICS = Pattern.compile("\\p{M}+");

    /** Up to seven items; bounded because java.util.regex recurses once per repeat of a group. */
    static String listOf(String item, String separator) {
        return item + END + "(?:" + separator + item + END + "){0,6}";
    }

    /** Two to seven items. */
    static String severalOf(String item, String separator) {
        return item + END + "(?:" + separator + item + END + "){1,6}";
    }

    /**
     * A count before its unit: digits may touch the unit ("15min"), a word needs a space ("an hour"). Defines the
     * groups {@code n} and {@code nword}; read it with {@link #count}.
     */
    static String count(String numberWords) {
        return "(?:(?<n>\\d{1,3})\\s*|(?<nword>" + numberWords + ")\\s+)";
    }

    private static final Map<String, Integer> NUMBERS = new HashMap<>();
    private static final Map<String, DayOfWeek> WEEKDAYS = new HashMap<>();
    private static final Map<String, Month> MONTHS = new HashMap<>();
    private static final Map<String, Integer> ORDINALS = new HashMap<>();
    private static final Map<String, Frequency> FREQUENCIES = new HashMap<>();
    private static final Map<String, Character> UNITS = new HashMap<>();

    static {
        numbers(1, "a", "an", "one", "un", "une", "uno", "una");
        numbers(2, "two", "deux", "dos");
        numbers(3, "three", "trois", "tres");
        numbers(4, "four", "quatre", "cuatro");
        numbers(5, "five", "cinq", "cinco");
        numbers(6, "six", "seis");
        numbers(7, "seven", "sept", "siete");
        numbers(8, "eight", "huit", "ocho");
        numbers(9, "nine", "neuf", "nueve");
        numbers(10, "ten", "dix", "diez");
        numbers(11, "eleven", "onze", "once");
        numbers(12, "twelve", "douze", "doce");
        numbers(15, "fifteen", "quinze", "quince");
        numbers(20, "twenty", "vingt", "veinte");
        numbers(30, "thirty", "trente", "treinta");
        numbers(45, "forty-five");

        weekdays(DayOfWeek.MONDAY, "monday", "mon", "lundi", "lundis", "lunes");
        weekdays(DayOfWeek.TUESDAY, "tuesday", "tues", "tue", "mardi", "mardis", "martes");
        weekdays(DayOfWeek.WEDNESDAY, "wednesday", "weds", "wed", "mercredi", "mercredis", "miercoles");
        weekdays(DayOfWeek.THURSDAY, "thursday", "thurs", "thur", "thu", "jeudi", "jeudis", "jueves");
        weekdays(DayOfWeek.FRIDAY, "friday", "fri", "vendredi", "vendredis", "viernes");
        weekdays(DayOfWeek.SATURDAY, "saturday", "sat", "samedi", "samedis", "sabado", "sabados");
        weekdays(DayOfWeek.SUNDAY, "sunday", "sun", "dimanche", "dimanches", "domingo", "domingos");

        months(Month.JANUARY, "january", "jan", "janvier", "enero");
        months(Month.FEBRUARY, "february", "feb", "fevrier", "febrero");
        months(Month.MARCH, "march", "mar", "mars", "marzo");
        months(Month.APRIL, "april", "apr", "avril", "abril");
        months(Month.MAY, "may", "mai", "mayo");
        months(Month.JUNE, "june", "jun", "juin", "junio");
        months(Month.JULY, "july", "jul", "juillet", "julio");
        months(Month.AUGUST, "august", "aug", "aout", "agosto");
        months(Month.SEPTEMBER, "september", "sept", "sep", "septembre", "septiembre", "setiembre");
        months(Month.OCTOBER, "october", "oct", "octobre", "octubre");
        months(Month.NOVEMBER, "november", "nov", "novembre", "noviembre");
        months(Month.DECEMBER, "december", "dec", "decembre", "diciembre");

        ordinals(1, "first", "1st", "premier", "premiere", "1er", "1re", "primer", "primero", "primera");
        ordinals(2, "second", "2nd", "deuxieme", "second", "seconde", "2e", "segundo", "segunda");
        ordinals(3, "third", "3rd", "troisieme", "3e", "tercer", "tercero", "tercera");
        ordinals(4, "fourth", "4th", "quatrieme", "4e", "cuarto", "cuarta");
        ordinals(5, "fifth", "5th", "cinquieme", "5e", "quinto", "quinta");
        ordinals(-1, "last", "dernier", "derniere", "ultimo", "ultima");

        frequencies(Frequency.DAILY, "day", "days", "daily", "everyday", "jour", "jours", "quotidien",
                "quotidiennement", "dia", "dias", "diario", "diariamente");
        frequencies(Frequency.WEEKLY, "week", "weeks", "weekly", "semaine", "semaines", "hebdomadaire",
                "semana", "semanas", "semanal", "semanalmente");
        frequencies(Frequency.MONTHLY, "month", "months", "monthly", "mois", "mensuel", "mensuellement", "mes",
                "meses", "mensual", "mensualmente");
        frequencies(Frequency.YEARLY, "year", "years", "yearly", "annually", "an", "ans", "annee", "annees",
                "annuel", "annuellement", "ano", "anos", "anual", "anualmente");

        units('m', "minutes", "minute", "mins", "min", "minutos", "minuto");
        units('h', "hours", "hour", "hrs", "hr", "h", "heures", "heure", "horas", "hora");
        units('d', "days", "day", "d", "jours", "jour", "j", "dias", "dia");
        units('w', "weeks", "week", "wks", "wk", "semaines", "semaine", "semanas", "semana");
        units('o', "months", "month", "mois", "meses", "mes");
    }

    private static void numbers(int value, String... words) {
        for (String word : words) {
            NUMBERS.put(word, value);
        }
    }

    private static void weekdays(DayOfWeek day, String... words) {
        for (String word : words) {
            WEEKDAYS.put(word, day);
        }
    }

    private static void months(Month month, String... words) {
        for (String word : words) {
            MONTHS.put(word, month);
        }
    }

    private static void ordinals(int value, String... words) {
        for (String word : words) {
            ORDINALS.put(word, value);
        }
    }

    private static void frequencies(Frequency frequency, String... words) {
        for (String word : words) {
            FREQUENCIES.put(word, frequency);
        }
    }

    private static void units(char unit, String... words) {
        for (String word : words) {
            UNITS.put(word, unit);
        }
    }

    private static <T> T lookUp(Map<String, T> table, String word, String what) {
        T value = table.get(key(word));
        if (value == null) {
            throw new IllegalStateException("not a " + what + ": " + word);
        }
        return value;
    }

    /** Folded, and only its letters, digits and hyphens ("fri." is "fri"). */
    private static String key(String word) {
        String folded = fold(word);
        StringBuilder key = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (Character.isLetterOrDigit(c) || c == '-') {
                key.append(c);
            }
        }
        return key.toString();
    }

    /** The value of a {@link #count}. */
    static int count(Phrases.Hit hit) {
        String digits = hit.group("n");
        return digits != null ? Integer.parseInt(digits) : lookUp(NUMBERS, hit.group("nword"), "number");
    }

    static DayOfWeek weekday(String word) {
        return lookUp(WEEKDAYS, word, "weekday");
    }

    private static final Pattern WEEKDAY_WORD = compile("[\\p{L}]+");

    /** Every weekday named in a list of them, in Monday-to-Sunday order; the list's other words are skipped. */
    static Set<DayOfWeek> weekdays(String list) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        Matcher words = WEEKDAY_WORD.matcher(list);
        while (words.find()) {
            DayOfWeek day = WEEKDAYS.get(fold(words.group()));
            if (day != null) {
                days.add(day);
            }
        }
        return days;
    }

    static Month month(String word) {
        return lookUp(MONTHS, word, "month");
    }

    /** 1 to 5 for first to fifth, -1 for last. */
    static int ordinal(String word) {
        return lookUp(ORDINALS, word, "ordinal");
    }

    /** A day of the month written as digits ("15") or as "first" ("primero", "1er"). */
    static int dayNumber(String word) {
        int end = 0;
        while (end < word.length() && end < 2 && Character.isDigit(word.charAt(end))) {
            end++;
        }
        return end == 0 ? ordinal(word) : Integer.parseInt(word.substring(0, end));
    }

    static Frequency frequency(String word) {
        return lookUp(FREQUENCIES, word, "frequency");
    }

    /** {@code m} minutes, {@code h} hours, {@code d} days, {@code w} weeks, {@code o} months. */
    static char unit(String word) {
        return lookUp(UNITS, word, "unit");
    }
}
