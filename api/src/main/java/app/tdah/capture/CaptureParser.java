package app.tdah.capture;

import static app.tdah.capture.Vocabulary.COUNT;
import static app.tdah.capture.Vocabulary.DAYS;
import static app.tdah.capture.Vocabulary.END;
import static app.tdah.capture.Vocabulary.HOURS;
import static app.tdah.capture.Vocabulary.MINUTES;
import static app.tdah.capture.Vocabulary.MONTH;
import static app.tdah.capture.Vocabulary.MONTHS;
import static app.tdah.capture.Vocabulary.NUMBER_START;
import static app.tdah.capture.Vocabulary.ORDINAL;
import static app.tdah.capture.Vocabulary.ORDINAL_SUFFIX;
import static app.tdah.capture.Vocabulary.START;
import static app.tdah.capture.Vocabulary.WEEKDAY;
import static app.tdah.capture.Vocabulary.WEEKDAY_LIST;
import static app.tdah.capture.Vocabulary.WEEKS;
import static app.tdah.capture.Vocabulary.compile;
import static app.tdah.capture.Vocabulary.count;
import static app.tdah.capture.Vocabulary.lower;

import app.tdah.capture.Recurrence.Frequency;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one line of text into a task, following the capture grammar (design/capture-spec.md).
 *
 * <p>Each kind of phrase is looked for in turn; a phrase that is recognised is blanked out of the text, so what is
 * left at the end is the title. Stateless and thread-safe.
 */
public final class CaptureParser {

    private CaptureParser() {
    }

    /**
     * @param text the line the user typed
     * @param zone the user's time zone; every date and time is local to it
     * @param now  the current moment (converted to {@code zone})
     * @throws IllegalArgumentException when the text is null or blank, or the zone or now is null
     */
    public static Capture parse(String text, ZoneId zone, ZonedDateTime now) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("capture text must not be blank");
        }
        if (zone == null || now == null) {
            throw new IllegalArgumentException("zone and now are required");
        }
        return new Reading(text, zone, now.withZoneSameInstant(zone)).read();
    }

    // ---- cues: literals that any match of a phrase contains (see Phrase) ----

    private static final List<String> DIGITS = cues("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    private static final List<String> EVERY = cues("every");
    private static final List<String> WEEKDAY_CUES = cues("mon", "tue", "wed", "thu", "fri", "sat", "sun");
    private static final List<String> ADVERB_CUES =
            cues("daily", "everyday", "weekly", "monthly", "yearly", "annually");
    private static final List<String> NEAR_DAY_CUES = cues("today", "tonight", "tomorrow", "tmr");
    private static final List<String> DAYPART_CUES = cues("morning", "afternoon", "evening", "noon", "midday");

    // ---- tags and priority ----

    private static final Phrase TAG =
            phrase(cues("#"), "(?<![\\p{L}\\p{N}_&#])#(?<tag>[\\p{L}\\p{N}_][\\p{L}\\p{N}_-]*)");
    private static final Phrase PRIORITY_WORD =
            phrase(cues("!"), "(?<![\\p{L}\\p{N}_!])!(?<level>urgent|high|medium|low)" + END);
    private static final Phrase BANGS = phrase(cues("!"), "(?<!!)(?<bangs>!+)(?![!\\p{L}\\p{N}_])");
    private static final Phrase URGENT_WORD = phrase(cues("urgent", "asap"), START + "(?:urgent|asap)" + END);

    // ---- reminders ----

    private static final Phrase REMIND_BEFORE = phrase(cues("before", "earlier"),
            START + "(?:remind\\s+me\\s+)?(?:(?<half>half\\s+an\\s+hour)|" + COUNT
                    + "(?<unit>" + MINUTES + "|" + HOURS + "|" + DAYS + "))\\s+(?:before|earlier)" + END);
    private static final Phrase REMIND_ME_LEADING = phrase(cues("remind"), "^\\s*remind\\s+me(?:\\s+to)?" + END);
    private static final Pattern LEADING_TO = compile("^to\\s+");

    // ---- title ----

    private static final Pattern SPACES = compile("[\\s\\p{Z}]+");
    private static final String TRIMMED_BEFORE = ",;:";
    /** The spec's trailing ", ; . -", and a colon ("call Jo tomorrow:"). */
    private static final String TRIMMED_AFTER = ",;:.-";
    private static final Pattern SPACE_BEFORE_SEPARATOR = compile(" ([,;])(?= |$)");

    // ---- recurrence ----

    private static final String INTERVAL = "(?:(?<other>other)\\s+|" + COUNT + ")?";
    private static final String OF_EACH_MONTH = "(?:\\s+of\\s+(?:the|each|every)\\s+month" + END + ")?";

    /** In order of precedence: the first rule with a match gives the recurrence. */
    private static final List<Rule<Recurrence>> RECURRENCES = List.of(
            rule(EVERY, START + "every\\s+(?:year\\s+on\\s+)?(?:(?<m1>" + MONTH + ")\\.?\\s+(?:the\\s+)?"
                    + "(?<d1>\\d{1,2})" + ORDINAL_SUFFIX + "?|(?:the\\s+)?(?<d2>\\d{1,2})" + ORDINAL_SUFFIX
                    + "?\\s+(?:of\\s+)?(?<m2>" + MONTH + ")\\.?)" + END,
                    CaptureParser::yearlyOnDate),
            rule(EVERY, START + "every\\s+(?:month\\s+on\\s+the\\s+)?(?<ord>" + ORDINAL + ")\\s+(?<day>" + WEEKDAY
                    + ")" + END + OF_EACH_MONTH,
                    CaptureParser::monthlyOnNthWeekday),
            rule(cues("month"), START + "(?:on\\s+)?the\\s+(?<ord>" + ORDINAL + ")\\s+(?<day>" + WEEKDAY
                    + ")\\s+of\\s+(?:each|every)\\s+month" + END,
                    CaptureParser::monthlyOnNthWeekday),
            rule(cues("weekday"), START + "(?:every\\s+weekdays?|(?:on\\s+)?weekdays)" + END,
                    m -> Recurrence.weeklyOn(1, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY))),
            rule(cues("weekend"), START + "(?:every\\s+weekends?|(?:on\\s+)?weekends)" + END,
                    m -> Recurrence.weeklyOn(1, EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY))),
            rule(cues("week"), START + "(?:every\\s+" + INTERVAL + "weeks?|weekly)\\s+on\\s+(?<days>"
                    + WEEKDAY_LIST + ")",
                    CaptureParser::weeklyOnDays),
            rule(EVERY, START + "every\\s+" + INTERVAL + "(?<days>" + WEEKDAY_LIST + ")",
                    CaptureParser::weeklyOnDays),
            rule(cues("month"), START + "(?:every\\s+" + INTERVAL + "months?|monthly)\\s+on\\s+the\\s+"
                    + "(?<dom>\\d{1,2})" + ORDINAL_SUFFIX + END,
                    m -> monthlyOnDay(interval(m), m.group("dom"))),
            rule(EVERY, START + "every\\s+(?:the\\s+)?(?<dom>\\d{1,2})" + ORDINAL_SUFFIX + END + OF_EACH_MONTH,
                    m -> monthlyOnDay(1, m.group("dom"))),
            rule(cues("month"), START + "(?:on\\s+)?the\\s+(?<dom>\\d{1,2})" + ORDINAL_SUFFIX
                    + "\\s+of\\s+(?:each|every)\\s+month" + END,
                    m -> monthlyOnDay(1, m.group("dom"))),
            rule(EVERY, START + "every\\s+" + INTERVAL + "(?<unit>day|week|month|year)s?" + END,
                    CaptureParser::everyUnit),
            // "every morning": only "every" is taken here, the daypart is read as a time later on.
            rule(EVERY, START + "every(?=\\s+(?:morning|afternoon|evening)" + END + ")",
                    m -> Recurrence.every(Frequency.DAILY, 1)),
            rule(ADVERB_CUES, START + "(?<adverb>daily|everyday|weekly|monthly|yearly|annually)" + END,
                    m -> Recurrence.every(frequencyOf(m.group("adverb")), 1)));

    // ---- durations and dates ----

    private static final Phrase ELAPSED = phrase(cues("in"), START + "in\\s+(?:(?<half>half\\s+an\\s+hour)|"
            + COUNT + "(?<unit>" + MINUTES + "|" + HOURS + ")(?<andhalf>\\s+and\\s+a\\s+half)?)" + END);

    /**
     * The words that may stand before a date without changing it. Repeats are bounded: an unbounded repeated group
     * makes java.util.regex recurse once per repeat, and a long enough input would overflow the stack.
     */
    private static final String DATE_LEAD = "(?:(?:on|by|due)\\s+){0,3}";
    private static final String YEAR = "(?:,?\\s+(?<y>\\d{4})" + END + ")?";

    /** In order of precedence: the first rule with a match gives the date. */
    private static final List<Rule<DateHit>> DATES = List.of(
            rule(DIGITS, NUMBER_START + DATE_LEAD + "(?<y>\\d{4})-(?<m>\\d{1,2})-(?<d>\\d{1,2})(?!\\p{N})",
                    (m, today) -> DateHit.of(exactDate(m.group("y"), m.group("m"), m.group("d")))),
            rule(DIGITS, START + DATE_LEAD + "(?:the\\s+)?(?<d>\\d{1,2})" + ORDINAL_SUFFIX + "?\\s+(?:of\\s+)?"
                    + "(?<m>" + MONTH + ")\\.?" + END + YEAR,
                    CaptureParser::monthAndDay),
            rule(DIGITS, START + DATE_LEAD + "(?<m>" + MONTH + ")\\.?\\s+(?:the\\s+)?(?<d>\\d{1,2})"
                    + ORDINAL_SUFFIX + "?" + END + YEAR,
                    CaptureParser::monthAndDay),
            rule(cues("/"), NUMBER_START + DATE_LEAD + "(?<m>\\d{1,2})/(?<d>\\d{1,2})(?:/(?<y>\\d{4}|\\d{2}))?"
                    + "(?![\\p{N}/])",
                    CaptureParser::slashDate),
            rule(NEAR_DAY_CUES, START + DATE_LEAD + "(?:(?<dayafter>(?:the\\s+)?day\\s+after\\s+(?:tomorrow|tmrw|tmr))"
                    + "|(?<today>today)|(?<tonight>tonight)|(?<tomorrow>tomorrow|tmrw|tmr))" + END,
                    CaptureParser::nearDay),
            rule(cues("week", "month"), START + DATE_LEAD + "(?:(?<nextweek>next\\s+week)"
                    + "|(?<nextweekend>next\\s+weekend)|(?<weekend>(?:this\\s+|the\\s+)?weekend)"
                    + "|(?<nextmonth>next\\s+month)|(?<endofmonth>(?:the\\s+)?end\\s+of\\s+(?:the\\s+|this\\s+)?month))"
                    + END,
                    CaptureParser::calendarPeriod),
            rule(cues("in"), START + DATE_LEAD + "in\\s+" + COUNT + "(?<unit>" + DAYS + "|" + WEEKS + "|" + MONTHS
                    + ")" + END,
                    CaptureParser::daysAhead),
            rule(WEEKDAY_CUES, START + "(?:(?:on|next|this|by|due)\\s+){0,3}(?<day>" + WEEKDAY + ")\\.?" + END,
                    CaptureParser::weekday),
            rule(DIGITS, START + "(?:(?:(?:on|by|due)\\s+){1,3}(?:the\\s+)?|the\\s+)(?<dom>\\d{1,2})"
                    + ORDINAL_SUFFIX + END + "(?:\\s+of\\s+(?:the|this)\\s+month" + END + ")?",
                    CaptureParser::dayOfMonth));

    // ---- times ----

    private static final String TIME_LEAD = "(?:(?:by|due)\\s+)?(?:(?<at>at\\s+|@\\s*))?";

    /** In order of precedence: the first rule with a match gives the clock time. */
    private static final List<Rule<ClockTime>> TIMES = List.of(
            rule(DIGITS, NUMBER_START + TIME_LEAD + "(?<h>\\d{1,2})(?::(?<min>\\d{2}))?\\s*(?<meridiem>[ap])\\.?m\\.?"
                    + "(?![\\p{L}\\p{N}_])",
                    CaptureParser::twelveHourTime),
            rule(DIGITS, NUMBER_START + TIME_LEAD + "(?<h>\\d{1,2}):(?<min>\\d{2})(?![\\p{L}\\p{N}_]|:\\d)",
                    CaptureParser::colonTime),
            rule(DIGITS, NUMBER_START + TIME_LEAD + "(?<h>\\d{1,2})h(?<min>\\d{2})?" + END,
                    m -> ClockTime.of(m.group("h"), m.group("min"), false)),
            rule(DIGITS, NUMBER_START + "(?:(?:by|due)\\s+)?(?:at\\s+|@\\s*)(?<h>\\d{1,2})"
                    + "(?![\\p{L}\\p{N}_:/]|[.,]\\d)",
                    m -> ClockTime.of(m.group("h"), null, true)));

    private static final Phrase DAYPART = phrase(DAYPART_CUES,
            START + "(?:(?:in\\s+the|on\\s+the|this|at|by)\\s+|@\\s*)?(?<part>morning|afternoon|evening|noon|midday)"
                    + END);

    /** The time an all-day task's reminder goes off. */
    private static final LocalTime ALL_DAY_REMINDER = LocalTime.of(9, 0);
    /** Far enough to find the next February 29th from any day. */
    private static final int OCCURRENCE_SEARCH_DAYS = 366 * 9;

    /**
     * A pattern and its cues: lower-case literals at least one of which is in any match. Checking the cues is far
     * cheaper than running the regex, and most texts hold only a few of the grammar's phrases.
     */
    private record Phrase(List<String> cues, Pattern pattern) {
        boolean mayOccurIn(String lowerCaseText) {
            for (String cue : cues) {
                if (lowerCaseText.contains(cue)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** A phrase and how to read one of its matches; the reader returns null to reject a match. */
    private record Rule<T>(Phrase phrase, BiFunction<Matcher, LocalDate, T> read) {
    }

    private static List<String> cues(String... cues) {
        return List.of(cues);
    }

    private static Phrase phrase(List<String> cues, String regex) {
        return new Phrase(cues, compile(regex));
    }

    private static <T> Rule<T> rule(List<String> cues, String regex, BiFunction<Matcher, LocalDate, T> read) {
        return new Rule<>(phrase(cues, regex), read);
    }

    private static <T> Rule<T> rule(List<String> cues, String regex, Function<Matcher, T> read) {
        return new Rule<>(phrase(cues, regex), (m, today) -> read.apply(m));
    }

    /** The parts of the day that stand for a time; the afternoon ones make a small bare hour pm. */
    private enum Daypart {
        MORNING(9, false), NOON(12, false), AFTERNOON(15, true), EVENING(19, true), TONIGHT(20, true);

        final LocalTime time;
        final boolean afternoon;

        Daypart(int hour, boolean afternoon) {
            this.time = LocalTime.of(hour, 0);
            this.afternoon = afternoon;
        }

        static Daypart of(String word) {
            return switch (lower(word)) {
                case "morning" -> MORNING;
                case "afternoon" -> AFTERNOON;
                case "evening" -> EVENING;
                default -> NOON;
            };
        }
    }

    /**
     * A clock time as written.
     *
     * @param hasMeridiem      am/pm was written, so the hour is already final
     * @param afternoonIfSmall a bare hour after "at" (1–6 means the afternoon)
     */
    private record ClockTime(int hour, int minute, boolean hasMeridiem, boolean afternoonIfSmall) {

        static ClockTime of(String hour, String minute, boolean afternoonIfSmall) {
            int h = Integer.parseInt(hour);
            int min = minute == null ? 0 : Integer.parseInt(minute);
            return h <= 23 && min <= 59 ? new ClockTime(h, min, false, afternoonIfSmall) : null;
        }

        LocalTime resolve(Daypart daypart) {
            boolean ambiguous = !hasMeridiem && hour >= 1 && hour <= 11;
            boolean pm = ambiguous && (daypart != null && daypart != Daypart.NOON
                    ? daypart.afternoon
                    : afternoonIfSmall && hour <= 6);
            return LocalTime.of(pm ? hour + 12 : hour, minute);
        }
    }

    /**
     * A date phrase.
     *
     * @param pin     folds the phrase into an open recurrence ("every week" + "on monday"), or gives null
     * @param daypart the time the phrase implies ("tonight"), or null
     */
    private record DateHit(LocalDate date, UnaryOperator<Recurrence> pin, Daypart daypart) {

        static DateHit of(LocalDate date) {
            return date == null ? null : new DateHit(date, r -> null, null);
        }

        static DateHit of(LocalDate date, UnaryOperator<Recurrence> pin) {
            return date == null ? null : new DateHit(date, pin, null);
        }
    }

    /** A reminder's distance before the due. */
    private record Lead(Duration elapsed, int days) {

        ZonedDateTime before(ZonedDateTime due) {
            return due.minus(elapsed).minusDays(days);
        }
    }

    // ---- readers: recurrence ----

    private static int interval(Matcher m) {
        if (m.group("other") != null) {
            return 2;
        }
        return m.group("n") != null || m.group("nword") != null ? count(m) : 1;
    }

    private static Recurrence weeklyOnDays(Matcher m) {
        int interval = interval(m);
        Set<DayOfWeek> days = Vocabulary.weekdays(m.group("days"));
        return interval < 1 || days.isEmpty() ? null : Recurrence.weeklyOn(interval, days);
    }

    private static Recurrence everyUnit(Matcher m) {
        int interval = interval(m);
        return interval < 1 ? null : Recurrence.every(frequencyOf(m.group("unit")), interval);
    }

    private static Frequency frequencyOf(String word) {
        return switch (lower(word)) {
            case "day", "daily", "everyday" -> Frequency.DAILY;
            case "week", "weekly" -> Frequency.WEEKLY;
            case "month", "monthly" -> Frequency.MONTHLY;
            default -> Frequency.YEARLY;
        };
    }

    private static Recurrence yearlyOnDate(Matcher m) {
        String monthWord = m.group("m1") != null ? m.group("m1") : m.group("m2");
        String day = m.group("d1") != null ? m.group("d1") : m.group("d2");
        Month month = Vocabulary.month(monthWord);
        int dayOfMonth = Integer.parseInt(day);
        return dayOfMonth >= 1 && dayOfMonth <= month.maxLength() ? Recurrence.yearlyOn(month, dayOfMonth) : null;
    }

    private static Recurrence monthlyOnNthWeekday(Matcher m) {
        return Recurrence.monthlyOnNth(Vocabulary.ordinal(m.group("ord")), Vocabulary.weekday(m.group("day")));
    }

    private static Recurrence monthlyOnDay(int interval, String day) {
        int dayOfMonth = Integer.parseInt(day);
        boolean valid = interval >= 1 && dayOfMonth >= 1 && dayOfMonth <= 31;
        return valid ? Recurrence.monthlyOnDay(interval, dayOfMonth) : null;
    }

    // ---- readers: dates ----

    private static LocalDate exactDate(String year, String month, String day) {
        return validDate(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
    }

    private static LocalDate validDate(int year, int month, int day) {
        if (month < 1 || month > 12 || day < 1) {
            return null;
        }
        YearMonth yearMonth = YearMonth.of(year, month);
        return day <= yearMonth.lengthOfMonth() ? yearMonth.atDay(day) : null;
    }

    /** Without a year: the first such date on or after today (looking far enough for a February 29th). */
    private static LocalDate nextMonthDay(LocalDate today, int month, int day) {
        for (int year = today.getYear(); year <= today.getYear() + 8; year++) {
            LocalDate date = validDate(year, month, day);
            if (date != null && !date.isBefore(today)) {
                return date;
            }
        }
        return null;
    }

    private static DateHit monthAndDay(Matcher m, LocalDate today) {
        Month month = Vocabulary.month(m.group("m"));
        int day = Integer.parseInt(m.group("d"));
        if (m.group("y") != null) {
            return DateHit.of(validDate(Integer.parseInt(m.group("y")), month.getValue(), day));
        }
        return DateHit.of(nextMonthDay(today, month.getValue(), day), r -> r.pinnedTo(month, day));
    }

    private static DateHit slashDate(Matcher m, LocalDate today) {
        int month = Integer.parseInt(m.group("m"));
        int day = Integer.parseInt(m.group("d"));
        String year = m.group("y");
        if (year == null) {
            return DateHit.of(nextMonthDay(today, month, day));
        }
        int fullYear = year.length() == 2 ? 2000 + Integer.parseInt(year) : Integer.parseInt(year);
        return DateHit.of(validDate(fullYear, month, day));
    }

    private static DateHit nearDay(Matcher m, LocalDate today) {
        if (m.group("tonight") != null) {
            return new DateHit(today, r -> null, Daypart.TONIGHT);
        }
        if (m.group("today") != null) {
            return DateHit.of(today);
        }
        return DateHit.of(today.plusDays(m.group("tomorrow") != null ? 1 : 2));
    }

    private static DateHit calendarPeriod(Matcher m, LocalDate today) {
        LocalDate mondayNextWeek = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusWeeks(1);
        if (m.group("nextweek") != null) {
            return DateHit.of(mondayNextWeek);
        }
        if (m.group("nextweekend") != null) {
            return DateHit.of(mondayNextWeek.plusDays(5));
        }
        if (m.group("weekend") != null) {
            return DateHit.of(today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY)));
        }
        if (m.group("nextmonth") != null) {
            return DateHit.of(today.withDayOfMonth(1).plusMonths(1));
        }
        return DateHit.of(today.with(TemporalAdjusters.lastDayOfMonth()));
    }

    private static DateHit daysAhead(Matcher m, LocalDate today) {
        int n = count(m);
        return DateHit.of(switch (Character.toLowerCase(m.group("unit").charAt(0))) {
            case 'd' -> today.plusDays(n);
            case 'w' -> today.plusWeeks(n);
            default -> today.plusMonths(n);
        });
    }

    private static DateHit weekday(Matcher m, LocalDate today) {
        DayOfWeek day = Vocabulary.weekday(m.group("day"));
        return DateHit.of(today.with(TemporalAdjusters.next(day)), r -> r.pinnedTo(day));
    }

    private static DateHit dayOfMonth(Matcher m, LocalDate today) {
        int day = Integer.parseInt(m.group("dom"));
        if (day < 1 || day > 31) {
            return null;
        }
        LocalDate month = today.withDayOfMonth(1);
        for (int i = 0; i <= 12; i++, month = month.plusMonths(1)) {
            if (day <= month.lengthOfMonth() && !month.withDayOfMonth(day).isBefore(today)) {
                return DateHit.of(month.withDayOfMonth(day), r -> r.pinnedToDayOfMonth(day));
            }
        }
        return null;
    }

    // ---- readers: times ----

    private static ClockTime twelveHourTime(Matcher m) {
        int hour = Integer.parseInt(m.group("h"));
        int minute = m.group("min") == null ? 0 : Integer.parseInt(m.group("min"));
        if (hour < 1 || hour > 12 || minute > 59) {
            return null;
        }
        boolean pm = Character.toLowerCase(m.group("meridiem").charAt(0)) == 'p';
        return new ClockTime(hour % 12 + (pm ? 12 : 0), minute, true, false);
    }

    /** "17:00" is read as written; "at 5:30" follows the bare-hour rule like "at 5". */
    private static ClockTime colonTime(Matcher m) {
        boolean bareHourAfterAt = m.group("at") != null && m.group("h").length() == 1;
        return ClockTime.of(m.group("h"), m.group("min"), bareHourAfterAt);
    }

    // ---- one parse ----

    /** The state of one parse: the text with every recognised phrase blanked out so far. */
    private static final class Reading {
        private final String original;
        /** For the cue test only; never blanked, so a cue may belong to a phrase already taken (a wasted search). */
        private final String lowerCaseText;
        private final StringBuilder text;
        private final ZoneId zone;
        private final ZonedDateTime now;
        private final LocalDate today;

        Reading(String original, ZoneId zone, ZonedDateTime now) {
            this.original = original;
            this.lowerCaseText = original.toLowerCase(Locale.ROOT);
            this.text = new StringBuilder(original);
            this.zone = zone;
            this.now = now;
            this.today = now.toLocalDate();
        }

        Capture read() {
            SortedSet<String> tags = new TreeSet<>(takeAll(TAG, m -> lower(m.group("tag"))));
            Priority priority = takePriority();
            Lead lead = takeFirst(REMIND_BEFORE, Reading::lead);
            boolean remindMe = takeFirst(REMIND_ME_LEADING, m -> Boolean.TRUE) != null;
            Recurrence recurrence = takeFirst(RECURRENCES);
            ZonedDateTime elapsed = takeFirst(ELAPSED, this::afterElapsed);
            DateHit date = takeFirst(DATES);
            ClockTime clock = takeFirst(TIMES);
            Daypart daypart = takeFirst(DAYPART, m -> Daypart.of(m.group("part")));

            if (recurrence != null && date != null) {
                Recurrence pinned = date.pin().apply(recurrence);
                if (pinned != null) {
                    recurrence = pinned;
                    date = null;
                }
            }
            if (daypart == null && date != null) {
                daypart = date.daypart();
            }
            LocalTime time = clock != null ? clock.resolve(daypart) : daypart != null ? daypart.time : null;
            Due due = elapsed != null ? new Due.Timed(elapsed) : due(date, time, recurrence);
            ZonedDateTime remindAt = reminder(due, lead, remindMe);
            String rrule = recurrence == null ? null : recurrence.toRRule();
            return new Capture(title(remindMe), due, priority, tags, rrule, remindAt);
        }

        private Priority takePriority() {
            Priority priority = null;
            for (Priority marked : takeAll(PRIORITY_WORD, Reading::markedPriority)) {
                priority = Priority.higherOf(priority, marked);
            }
            for (Priority marked : takeAll(BANGS, this::bangs)) {
                priority = Priority.higherOf(priority, marked);
            }
            if (!takeAll(URGENT_WORD, m -> Priority.URGENT).isEmpty()) {
                priority = Priority.URGENT;
            }
            return priority;
        }

        private static Priority markedPriority(Matcher m) {
            return Priority.valueOf(m.group("level").toUpperCase(Locale.ROOT));
        }

        /** {@code !!!} (or more) and {@code !!} count wherever they are; a single {@code !} only standing alone. */
        private Priority bangs(Matcher m) {
            return switch (m.group("bangs").length()) {
                case 1 -> standsAlone(m.start(), m.end()) ? Priority.MEDIUM : null;
                case 2 -> Priority.HIGH;
                default -> Priority.URGENT;
            };
        }

        private boolean standsAlone(int start, int end) {
            return (start == 0 || Character.isWhitespace(text.charAt(start - 1)))
                    && (end == text.length() || Character.isWhitespace(text.charAt(end)));
        }

        private static Lead lead(Matcher m) {
            if (m.group("half") != null) {
                return new Lead(Duration.ofMinutes(30), 0);
            }
            int n = count(m);
            return switch (Character.toLowerCase(m.group("unit").charAt(0))) {
                case 'm' -> new Lead(Duration.ofMinutes(n), 0);
                case 'h' -> new Lead(Duration.ofHours(n), 0);
                default -> new Lead(Duration.ZERO, n);
            };
        }

        /** "in 2 hours" is elapsed time: across a DST change the wall clock moves with the offset. */
        private ZonedDateTime afterElapsed(Matcher m) {
            Duration duration;
            if (m.group("half") != null) {
                duration = Duration.ofMinutes(30);
            } else if (Character.toLowerCase(m.group("unit").charAt(0)) == 'm') {
                duration = Duration.ofMinutes(count(m));
            } else {
                duration = Duration.ofHours(count(m)).plusMinutes(m.group("andhalf") != null ? 30 : 0);
            }
            return now.plus(duration).truncatedTo(ChronoUnit.MINUTES);
        }

        private Due due(DateHit date, LocalTime time, Recurrence recurrence) {
            if (date != null) {
                return time == null ? new Due.AllDay(date.date()) : timed(date.date(), time);
            }
            if (recurrence != null) {
                return firstOccurrence(recurrence, time);
            }
            if (time == null) {
                return null;
            }
            Due.Timed todayAt = timed(today, time);
            return todayAt.at().isAfter(now) ? todayAt : timed(today.plusDays(1), time);
        }

        /** All-day: the first matching date from today; timed: the first matching date-time after now. */
        private Due firstOccurrence(Recurrence recurrence, LocalTime time) {
            LocalDate day = today;
            for (int i = 0; i < OCCURRENCE_SEARCH_DAYS; i++, day = day.plusDays(1)) {
                if (!recurrence.occursOn(day)) {
                    continue;
                }
                if (time == null) {
                    return new Due.AllDay(day);
                }
                Due.Timed at = timed(day, time);
                if (at.at().isAfter(now)) {
                    return at;
                }
            }
            return null; // unreachable: every rule the grammar builds occurs within the search window
        }

        /** {@code ZonedDateTime.of} moves a time inside a spring-forward gap later by the gap's length. */
        private Due.Timed timed(LocalDate date, LocalTime time) {
            return new Due.Timed(ZonedDateTime.of(date, time, zone));
        }

        private ZonedDateTime reminder(Due due, Lead lead, boolean remindMe) {
            if (due == null || (lead == null && !remindMe)) {
                return null;
            }
            ZonedDateTime dueAt = switch (due) {
                case Due.Timed timed -> timed.at();
                case Due.AllDay allDay -> ZonedDateTime.of(allDay.date(), ALL_DAY_REMINDER, zone);
            };
            return lead == null ? dueAt : lead.before(dueAt);
        }

        private String title(boolean remindMe) {
            String title = SPACES.matcher(text).replaceAll(" ");
            title = trimPunctuation(SPACE_BEFORE_SEPARATOR.matcher(title).replaceAll("$1"));
            if (remindMe) {
                // "remind me tomorrow to call Jo": the "to" only made sense next to "remind me"
                title = LEADING_TO.matcher(title).replaceFirst("");
            }
            if (!title.isBlank()) {
                return title;
            }
            // Everything was a recognised phrase ("tomorrow at 5pm"): the user's own words are the best title left.
            String whole = SPACES.matcher(original).replaceAll(" ").strip();
            return whole.isBlank() ? original : whole;
        }

        /** Drops spaces and separators left at either end once the phrases are gone ("call mom , tomorrow"). */
        private static String trimPunctuation(String title) {
            int start = 0;
            int end = title.length();
            while (start < end && isTrimmed(title.charAt(start), TRIMMED_BEFORE)) {
                start++;
            }
            while (end > start && isTrimmed(title.charAt(end - 1), TRIMMED_AFTER)) {
                end--;
            }
            return title.substring(start, end);
        }

        private static boolean isTrimmed(char c, String separators) {
            return Character.isWhitespace(c) || Character.isSpaceChar(c) || separators.indexOf(c) >= 0;
        }

        // ---- taking phrases out of the text ----

        private <T> List<T> takeAll(Phrase phrase, Function<Matcher, T> read) {
            List<T> values = new ArrayList<>();
            if (!phrase.mayOccurIn(lowerCaseText)) {
                return values;
            }
            List<int[]> spans = new ArrayList<>();
            Matcher m = phrase.pattern().matcher(text);
            while (m.find()) {
                T value = read.apply(m);
                if (value != null) {
                    values.add(value);
                    spans.add(new int[] {m.start(), m.end()});
                }
            }
            spans.forEach(span -> blank(span[0], span[1]));
            return values;
        }

        private <T> T takeFirst(Phrase phrase, Function<Matcher, T> read) {
            if (!phrase.mayOccurIn(lowerCaseText)) {
                return null;
            }
            Matcher m = phrase.pattern().matcher(text);
            while (m.find()) {
                T value = read.apply(m);
                if (value != null) {
                    blank(m.start(), m.end());
                    return value;
                }
            }
            return null;
        }

        /** The first rule, in the list's order, with an acceptable match. */
        private <T> T takeFirst(List<Rule<T>> rules) {
            for (Rule<T> rule : rules) {
                T value = takeFirst(rule.phrase(), m -> rule.read().apply(m, today));
                if (value != null) {
                    return value;
                }
            }
            return null;
        }

        private void blank(int start, int end) {
            for (int i = start; i < end; i++) {
                text.setCharAt(i, ' ');
            }
        }
    }
}
