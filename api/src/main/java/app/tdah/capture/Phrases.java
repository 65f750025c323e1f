package app.tdah.capture;

import app.tdah.capture.Recurrence.Frequency;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kinds of phrase the capture grammar knows, and what a match of each means, whatever its language.
 *
 * <p>A {@link Language} gives, for each kind it has, the regular expressions of its phrases; they name their parts
 * with the groups the kind's reader below expects (a language may leave optional groups out). So every language goes
 * through the same readers: "tous les deux jours" and "every other day" are one rule, written twice.
 */
final class Phrases {

    private Phrases() {
    }

    /** One match of a phrase: its groups by name, null when absent from the match or from this language's form. */
    static final class Hit {
        private final Matcher matcher;
        private final Set<String> groups;
        private final Language language;

        Hit(Matcher matcher, Set<String> groups, Language language) {
            this.matcher = matcher;
            this.groups = groups;
            this.language = language;
        }

        String group(String name) {
            return groups.contains(name) ? matcher.group(name) : null;
        }

        boolean has(String name) {
            return group(name) != null;
        }

        String first(String name, String otherName) {
            String value = group(name);
            return value != null ? value : group(otherName);
        }

        Language language() {
            return language;
        }
    }

    /** How to read a match; returns null to reject it (an impossible date stays in the title). */
    interface Reader<T> {
        T read(Hit hit, LocalDate today);
    }

    /** A kind of phrase: what its matches mean. */
    record Kind<T>(String name, Reader<T> reader) {
    }

    /**
     * A pattern and its cues: lower-case literals at least one of which is in any match. Checking the cues is far
     * cheaper than running the regex, and most texts hold only a few of the grammar's phrases. Where a text holds a
     * cue, the pattern is tried only at the positions a match may start ({@link MatchStarts}).
     */
    record Phrase(List<String> cues, Pattern pattern, Set<String> groups, MatchStarts starts) {

        static Phrase of(List<String> cues, String regex) {
            Pattern pattern = Vocabulary.compile(regex);
            return new Phrase(List.copyOf(cues), pattern, Set.copyOf(pattern.namedGroups().keySet()),
                    MatchStarts.of(pattern));
        }

        /** A matcher for {@link #find}: lookbehinds see the text before a position, {@code ^} is its start only. */
        Matcher matcher(CharSequence text) {
            return pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        }

        /**
         * The match {@link Matcher#find()} would find from {@code from} (the leftmost start, then the pattern's own
         * preference), trying only the positions where one may start.
         *
         * @param matcher from {@link #matcher}, over {@code text}
         */
        boolean find(Matcher matcher, CharSequence text, int from) {
            for (int start = starts.next(text, from); start >= 0; start = starts.next(text, start + 1)) {
                matcher.region(start, text.length());
                if (matcher.lookingAt()) {
                    return true;
                }
            }
            return false;
        }

        /** Where {@link #find} goes on from after a match: its end, one further after an empty one. */
        static int after(Matcher match) {
            return match.end() == match.start() ? match.end() + 1 : match.end();
        }

        boolean mayOccurIn(String lowerCaseText) {
            for (String cue : cues) {
                if (lowerCaseText.contains(cue)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** A phrase of one language and the kind it is. */
    record Rule<T>(Kind<T> kind, Phrase phrase, Language language) {
    }

    // ---- what the phrases stand for ----

    /** The parts of the day that stand for a time; the ones after noon make a small bare hour pm. */
    enum Daypart {
        MORNING(9, false, true), NOON(12, false, false), AFTERNOON(15, true, true), EVENING(19, true, true),
        TONIGHT(20, true, true), MIDNIGHT(0, false, false);

        final LocalTime time;
        final boolean afternoon;
        /** Whether it says am or pm of an hour written with it ("tomorrow morning at 8"); noon and midnight don't. */
        final boolean settlesHour;

        Daypart(int hour, boolean afternoon, boolean settlesHour) {
            this.time = LocalTime.of(hour, 0);
            this.afternoon = afternoon;
            this.settlesHour = settlesHour;
        }

        static Daypart of(String word) {
            return switch (Vocabulary.fold(word)) {
                case "morning", "matin", "matins", "manana", "mananas" -> MORNING;
                case "afternoon", "apres-midi", "apresmidi", "tarde", "tardes" -> AFTERNOON;
                case "evening", "soir", "soirs", "soiree" -> EVENING;
                case "noon", "midday", "midi", "mediodia" -> NOON;
                case "midnight", "minuit", "medianoche" -> MIDNIGHT;
                case "tonight", "night", "noche", "noches", "nuit" -> TONIGHT;
                default -> throw new IllegalStateException("not a part of the day: " + word);
            };
        }
    }

    /**
     * A clock time as written.
     *
     * @param hasMeridiem      am/pm (or "du soir", "de la mañana") was written, so the hour is already final
     * @param afternoonIfSmall a bare hour after "at" (1–6 means the afternoon)
     */
    record ClockTime(int hour, int minute, boolean hasMeridiem, boolean afternoonIfSmall) {

        static ClockTime of(int hour, int minute, boolean afternoonIfSmall) {
            return hour <= 23 && minute <= 59 ? new ClockTime(hour, minute, false, afternoonIfSmall) : null;
        }

        LocalTime resolve(Daypart daypart) {
            boolean ambiguous = !hasMeridiem && hour >= 1 && hour <= 11;
            boolean pm = ambiguous && (daypart != null && daypart.settlesHour
                    ? daypart.afternoon
                    : afternoonIfSmall && hour <= 6);
            return LocalTime.of(pm ? hour + 12 : hour, minute);
        }
    }

    /**
     * A date phrase.
     *
     * @param pin         folds the phrase into an open recurrence ("every week" + "on monday"), or gives null
     * @param daypart     the time the phrase implies ("tonight"), or null
     * @param guessedYear the year was not written but chosen ("March 3": the next one), so it may be a surprise
     * @param starting    it followed "starting" ("à partir de", "a partir de"): it only moves a recurrence's start
     */
    record DateHit(LocalDate date, UnaryOperator<Recurrence> pin, Daypart daypart, boolean guessedYear,
                   boolean starting) {

        static DateHit of(LocalDate date) {
            return of(date, r -> null);
        }

        static DateHit of(LocalDate date, UnaryOperator<Recurrence> pin) {
            return date == null ? null : new DateHit(date, pin, null, false, false);
        }

        static DateHit guessed(LocalDate date, UnaryOperator<Recurrence> pin) {
            return date == null ? null : new DateHit(date, pin, null, true, false);
        }

        static DateHit at(LocalDate date, Daypart daypart) {
            return new DateHit(date, r -> null, daypart, false, false);
        }

        DateHit startingIf(boolean starting) {
            return starting ? new DateHit(date, pin, daypart, guessedYear, true) : this;
        }
    }

    /** A recurrence phrase, and the part of the day it names ("every morning"), or null. */
    record Repeat(Recurrence rule, Daypart daypart) {

        static Repeat of(Recurrence rule) {
            return rule == null ? null : new Repeat(rule, null);
        }
    }

    /** A reminder's distance before the due. */
    record Lead(Duration elapsed, int days) {

        ZonedDateTime before(ZonedDateTime due) {
            return due.minus(elapsed).minusDays(days);
        }
    }

    // ---- the kinds, step by step, in order of precedence within each step ----

    static final Kind<Priority> URGENT_WORD = new Kind<>("urgent word", (hit, today) -> Priority.URGENT);

    static final Kind<Lead> REMIND_BEFORE = new Kind<>("reminder lead", (hit, today) -> lead(hit));
    /** A leading "remind me"; reads as its language, whose connector ("to", "de") may then start the title. */
    static final Kind<Language> REMIND_ME = new Kind<>("remind me", (hit, today) -> hit.language());

    static final Kind<Repeat> YEARLY_ON_DATE = new Kind<>("yearly on a date", (hit, today) -> yearlyOnDate(hit));
    static final Kind<Repeat> MONTHLY_NTH_WEEKDAY = new Kind<>("monthly on the nth weekday",
            (hit, today) -> Repeat.of(Recurrence.monthlyOnNth(Vocabulary.ordinal(hit.group("ord")),
                    Vocabulary.weekday(hit.group("day")))));
    static final Kind<Repeat> WORKDAYS = new Kind<>("every weekday",
            (hit, today) -> Repeat.of(Recurrence.weeklyOn(1, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY))));
    static final Kind<Repeat> WEEKENDS = new Kind<>("every weekend",
            (hit, today) -> Repeat.of(Recurrence.weeklyOn(1, EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY))));
    static final Kind<Repeat> WEEKLY_ON_DAYS = new Kind<>("weekly on named days", (hit, today) -> weeklyOnDays(hit));
    static final Kind<Repeat> MONTHLY_ON_DAY = new Kind<>("monthly on a day", (hit, today) -> monthlyOnDay(hit));
    static final Kind<Repeat> EVERY_UNIT = new Kind<>("every N units", (hit, today) -> everyUnit(hit));
    /** "every morning": daily, at that part of the day. */
    static final Kind<Repeat> EVERY_DAYPART = new Kind<>("every part of the day",
            (hit, today) -> new Repeat(Recurrence.every(Frequency.DAILY, 1), Daypart.of(hit.group("part"))));
    static final Kind<Repeat> FREQUENCY_WORD = new Kind<>("daily, weekly...",
            (hit, today) -> Repeat.of(Recurrence.every(Vocabulary.frequency(hit.group("adverb")), 1)));

    /** A date kind: every date phrase may follow "starting" (group {@code from}). */
    private static Kind<DateHit> dateKind(String name, Reader<DateHit> reader) {
        return new Kind<>(name, (hit, today) -> {
            DateHit date = reader.read(hit, today);
            return date == null ? null : date.startingIf(hit.has("from"));
        });
    }

    static final Kind<Duration> ELAPSED = new Kind<>("in N minutes or hours", (hit, today) -> elapsed(hit));

    static final Kind<DateHit> ISO_DATE = dateKind("ISO date",
            (hit, today) -> DateHit.of(validDate(number(hit, "y"), number(hit, "m"), number(hit, "d"))));
    static final Kind<DateHit> MONTH_DAY = dateKind("month and day", Phrases::monthAndDay);
    static final Kind<DateHit> SLASH_DATE = dateKind("numeric date", Phrases::slashDate);
    /** "tonight", "this morning": today, at that part of the day. */
    static final Kind<DateHit> THIS_DAYPART = dateKind("this part of the day",
            (hit, today) -> DateHit.at(today, hit.has("tonight") ? Daypart.TONIGHT : Daypart.of(hit.group("part"))));
    static final Kind<DateHit> NEAR_DAY = dateKind("today, tomorrow, yesterday...", Phrases::nearDay);
    static final Kind<DateHit> CALENDAR_PERIOD = dateKind("next week, end of month...", Phrases::calendarPeriod);
    static final Kind<DateHit> DAYS_AHEAD = dateKind("in N days", (hit, today) -> DateHit.of(shift(hit, today, 1)));
    static final Kind<DateHit> DAYS_AGO = dateKind("N days ago", (hit, today) -> DateHit.of(shift(hit, today, -1)));
    static final Kind<DateHit> LAST_WEEKDAY = dateKind("last weekday",
            (hit, today) -> DateHit.of(today.with(TemporalAdjusters.previous(Vocabulary.weekday(hit.group("day"))))));
    static final Kind<DateHit> SEVERAL_WEEKDAYS = dateKind("several weekdays", Phrases::nearestOfWeekdays);
    static final Kind<DateHit> WEEKDAY = dateKind("weekday", Phrases::weekday);
    static final Kind<DateHit> DAY_OF_MONTH = dateKind("day of the month", Phrases::dayOfMonth);

    static final Kind<ClockTime> HOUR_WITH_DAYPART = new Kind<>("hour of a part of the day",
            (hit, today) -> hourWithDaypart(hit));
    static final Kind<ClockTime> TWELVE_HOUR = new Kind<>("am/pm time", (hit, today) -> twelveHourTime(hit));
    static final Kind<ClockTime> COLON_TIME = new Kind<>("hh:mm", (hit, today) -> colonTime(hit));
    /** "17h", "17h30": read as written. */
    static final Kind<ClockTime> H_TIME = new Kind<>("17h30",
            (hit, today) -> ClockTime.of(number(hit, "h"), minutes(hit), false));
    /** "at 5", "à 5", "a las 5": 1–6 is the afternoon. */
    static final Kind<ClockTime> BARE_HOUR = new Kind<>("bare hour",
            (hit, today) -> ClockTime.of(number(hit, "h"), hit.has("halfpast") ? 30 : 0, true));

    static final Kind<Daypart> DAYPART = new Kind<>("part of the day",
            (hit, today) -> Daypart.of(hit.first("part", "part2")));

    static final List<Kind<Priority>> PRIORITY_STEP = List.of(URGENT_WORD);
    static final List<Kind<Lead>> REMIND_BEFORE_STEP = List.of(REMIND_BEFORE);
    static final List<Kind<Language>> REMIND_ME_STEP = List.of(REMIND_ME);
    static final List<Kind<Repeat>> RECURRENCE_STEP = List.of(YEARLY_ON_DATE, MONTHLY_NTH_WEEKDAY, WORKDAYS, WEEKENDS,
            WEEKLY_ON_DAYS, MONTHLY_ON_DAY, EVERY_UNIT, EVERY_DAYPART, FREQUENCY_WORD);
    static final List<Kind<Duration>> ELAPSED_STEP = List.of(ELAPSED);
    static final List<Kind<DateHit>> DATE_STEP = List.of(ISO_DATE, MONTH_DAY, SLASH_DATE, THIS_DAYPART, NEAR_DAY,
            CALENDAR_PERIOD, DAYS_AHEAD, DAYS_AGO, LAST_WEEKDAY, SEVERAL_WEEKDAYS, WEEKDAY, DAY_OF_MONTH);
    static final List<Kind<ClockTime>> TIME_STEP = List.of(HOUR_WITH_DAYPART, TWELVE_HOUR, COLON_TIME, H_TIME,
            BARE_HOUR);
    static final List<Kind<Daypart>> DAYPART_STEP = List.of(DAYPART);

    // ---- readers: shared parts ----

    private static int number(Hit hit, String group) {
        return Integer.parseInt(hit.group(group));
    }

    private static int minutes(Hit hit) {
        String minutes = hit.group("min");
        return minutes == null ? 0 : Integer.parseInt(minutes);
    }

    private static int interval(Hit hit) {
        if (hit.has("other")) {
            return 2;
        }
        return hit.has("n") || hit.has("nword") ? Vocabulary.count(hit) : 1;
    }

    // ---- readers: reminders and durations ----

    private static Lead lead(Hit hit) {
        if (hit.has("half")) {
            return new Lead(Duration.ofMinutes(30), 0);
        }
        int n = Vocabulary.count(hit);
        return switch (Vocabulary.unit(hit.group("unit"))) {
            case 'm' -> new Lead(Duration.ofMinutes(n), 0);
            case 'h' -> new Lead(Duration.ofHours(n), 0);
            default -> new Lead(Duration.ZERO, n);
        };
    }

    private static Duration elapsed(Hit hit) {
        if (hit.has("half")) {
            return Duration.ofMinutes(30);
        }
        int n = Vocabulary.count(hit);
        Duration duration = Vocabulary.unit(hit.group("unit")) == 'm' ? Duration.ofMinutes(n) : Duration.ofHours(n);
        if (hit.has("plusmin")) {
            duration = duration.plusMinutes(Integer.parseInt(hit.group("plusmin")));
        }
        return hit.has("andhalf") ? duration.plusMinutes(30) : duration;
    }

    // ---- readers: recurrence ----

    private static Repeat yearlyOnDate(Hit hit) {
        Month month = Vocabulary.month(hit.first("m1", "m2"));
        int dayOfMonth = Vocabulary.dayNumber(hit.first("d1", "d2"));
        boolean valid = dayOfMonth >= 1 && dayOfMonth <= month.maxLength();
        return valid ? Repeat.of(Recurrence.yearlyOn(month, dayOfMonth)) : null;
    }

    private static Repeat weeklyOnDays(Hit hit) {
        int interval = interval(hit);
        Set<DayOfWeek> days = Vocabulary.weekdays(hit.group("days"));
        return interval < 1 || days.isEmpty() ? null : Repeat.of(Recurrence.weeklyOn(interval, days));
    }

    private static Repeat monthlyOnDay(Hit hit) {
        int interval = interval(hit);
        int dayOfMonth = Vocabulary.dayNumber(hit.first("dom", "dom2"));
        boolean valid = interval >= 1 && dayOfMonth >= 1 && dayOfMonth <= 31;
        return valid ? Repeat.of(Recurrence.monthlyOnDay(interval, dayOfMonth)) : null;
    }

    private static Repeat everyUnit(Hit hit) {
        int interval = interval(hit);
        return interval < 1 ? null : Repeat.of(Recurrence.every(Vocabulary.frequency(hit.group("unit")), interval));
    }

    // ---- readers: dates ----

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

    private static DateHit monthAndDay(Hit hit, LocalDate today) {
        Month month = Vocabulary.month(hit.first("m1", "m2"));
        int day = Vocabulary.dayNumber(hit.first("d1", "d2"));
        if (hit.has("y")) {
            return DateHit.of(validDate(number(hit, "y"), month.getValue(), day));
        }
        return DateHit.guessed(nextMonthDay(today, month.getValue(), day), r -> r.pinnedTo(month, day));
    }

    private static DateHit slashDate(Hit hit, LocalDate today) {
        int month = number(hit, "m");
        int day = number(hit, "d");
        String year = hit.group("y");
        if (year == null) {
            return DateHit.guessed(nextMonthDay(today, month, day), r -> null);
        }
        int fullYear = year.length() == 2 ? 2000 + Integer.parseInt(year) : Integer.parseInt(year);
        return DateHit.of(validDate(fullYear, month, day));
    }

    private static DateHit nearDay(Hit hit, LocalDate today) {
        if (hit.has("today")) {
            return DateHit.of(today);
        }
        if (hit.has("tomorrow")) {
            return DateHit.of(today.plusDays(1));
        }
        if (hit.has("dayafter")) {
            return DateHit.of(today.plusDays(2));
        }
        if (hit.has("yesterday")) {
            return DateHit.of(today.minusDays(1));
        }
        return DateHit.of(today.minusDays(2));
    }

    private static DateHit calendarPeriod(Hit hit, LocalDate today) {
        LocalDate mondayNextWeek = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusWeeks(1);
        if (hit.has("nextweek")) {
            return DateHit.of(mondayNextWeek);
        }
        if (hit.has("nextweekend")) {
            return DateHit.of(mondayNextWeek.plusDays(5));
        }
        if (hit.has("weekend")) {
            return DateHit.of(today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY)));
        }
        if (hit.has("nextmonth")) {
            return DateHit.of(today.withDayOfMonth(1).plusMonths(1));
        }
        return DateHit.of(today.with(TemporalAdjusters.lastDayOfMonth()));
    }

    /** N days, weeks or months after ({@code sign} 1) or before (-1) today. */
    private static LocalDate shift(Hit hit, LocalDate today, int sign) {
        int n = sign * Vocabulary.count(hit);
        return switch (Vocabulary.unit(hit.group("unit"))) {
            case 'd' -> today.plusDays(n);
            case 'w' -> today.plusWeeks(n);
            default -> today.plusMonths(n);
        };
    }

    private static DateHit weekday(Hit hit, LocalDate today) {
        DayOfWeek day = Vocabulary.weekday(hit.first("day", "bare"));
        return DateHit.of(today.with(TemporalAdjusters.next(day)), r -> r.pinnedTo(Set.of(day)));
    }

    /** "mon wed fri": the nearest of them after today. */
    private static DateHit nearestOfWeekdays(Hit hit, LocalDate today) {
        Set<DayOfWeek> days = Vocabulary.weekdays(hit.group("days"));
        LocalDate day = today.plusDays(1);
        while (!days.contains(day.getDayOfWeek())) {
            day = day.plusDays(1);
        }
        return DateHit.of(day, r -> r.pinnedTo(days));
    }

    private static DateHit dayOfMonth(Hit hit, LocalDate today) {
        int day = Vocabulary.dayNumber(hit.group("dom"));
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

    private static ClockTime twelveHourTime(Hit hit) {
        int hour = number(hit, "h");
        int minute = minutes(hit);
        if (hour < 1 || hour > 12 || minute > 59) {
            return null;
        }
        boolean pm = Character.toLowerCase(hit.group("meridiem").charAt(0)) == 'p';
        return new ClockTime(hour % 12 + (pm ? 12 : 0), minute, true, false);
    }

    /** "17:00" is read as written; "at 5:30" follows the bare-hour rule like "at 5". */
    private static ClockTime colonTime(Hit hit) {
        boolean bareHourAfterAt = hit.has("at") && hit.group("h").length() == 1;
        return ClockTime.of(number(hit, "h"), minutes(hit), bareHourAfterAt);
    }

    /** "5 du soir", "a las 9 de la noche", "6 du matin": the part of the day says am or pm. */
    private static ClockTime hourWithDaypart(Hit hit) {
        int hour = number(hit, "h");
        int minute = minutes(hit);
        Daypart daypart = Daypart.of(hit.group("part"));
        if (hour > 23 || minute > 59 || (hour > 12 && !daypart.afternoon)) {
            return null;
        }
        int settled = daypart.afternoon && hour < 12 ? hour + 12 : hour;
        return new ClockTime(settled, minute, true, false);
    }
}
