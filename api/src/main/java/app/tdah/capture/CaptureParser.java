package app.tdah.capture;

import static app.tdah.capture.Vocabulary.END;

import app.tdah.capture.Phrases.ClockTime;
import app.tdah.capture.Phrases.DateHit;
import app.tdah.capture.Phrases.Daypart;
import app.tdah.capture.Phrases.Hit;
import app.tdah.capture.Phrases.Lead;
import app.tdah.capture.Phrases.Phrase;
import app.tdah.capture.Phrases.Repeat;
import app.tdah.capture.Phrases.Rule;
import app.tdah.i18n.ProfileLanguage;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one line of text into a task, following the capture grammar (docs/capture/).
 *
 * <p>The person's profile language is read first, and English phrases are still understood (people mix them); an
 * English profile reads English alone. Each kind of phrase is looked for in turn; a phrase that is recognised is
 * blanked out of the text, so what is left at the end is the title. Stateless and thread-safe.
 */
public final class CaptureParser {

    private CaptureParser() {
    }

    private static final Map<ProfileLanguage, Grammar> GRAMMARS = Map.of(
            ProfileLanguage.EN, Grammar.of(List.of(English.LANGUAGE)),
            ProfileLanguage.FR, Grammar.of(List.of(French.LANGUAGE, English.LANGUAGE)),
            ProfileLanguage.ES, Grammar.of(List.of(Spanish.LANGUAGE, English.LANGUAGE)));

    /**
     * @param text     the line the user typed
     * @param zone     the user's time zone; every date and time is local to it
     * @param now      the current moment (converted to {@code zone})
     * @param language the person's profile language: its phrases first, then English ones
     * @throws IllegalArgumentException when the text is null or blank, or the zone, now or language is null
     */
    public static Capture parse(String text, ZoneId zone, ZonedDateTime now, ProfileLanguage language) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("capture text must not be blank");
        }
        if (zone == null || now == null || language == null) {
            throw new IllegalArgumentException("zone, now and language are required");
        }
        return new Reading(GRAMMARS.get(language), text, zone, now.withZoneSameInstant(zone)).read();
    }

    // ---- tags and priority: the same marks in every language ----

    private static final Phrase TAG =
            Phrase.of(List.of("#"), "(?<![\\p{L}\\p{N}_&#])#(?<tag>[\\p{L}\\p{N}_][\\p{L}\\p{N}_-]*)");
    private static final Phrase PRIORITY_WORD =
            Phrase.of(List.of("!"), "(?<![\\p{L}\\p{N}_!])!(?<level>urgent|high|medium|low)" + END);
    private static final Phrase BANGS = Phrase.of(List.of("!"), "(?<!!)(?<bangs>!+)(?![!\\p{L}\\p{N}_])");

    // ---- title ----

    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");
    private static final String TRIMMED_BEFORE = ",;:";
    /** The spec's trailing ", ; . -", and a colon ("call Jo tomorrow:"). */
    private static final String TRIMMED_AFTER = ",;:.-";
    private static final Pattern SPACE_BEFORE_SEPARATOR = Pattern.compile(" ([,;])(?= |$)");

    /** The time an all-day task's reminder goes off. */
    private static final LocalTime ALL_DAY_REMINDER = LocalTime.of(9, 0);
    /** Far enough to find the next February 29th from any day. */
    private static final int OCCURRENCE_SEARCH_DAYS = 366 * 9;
    /** A date read without its year further than this is flagged: the person may have meant a past day. */
    private static final int FAR_AHEAD_DAYS = 300;

    /** The state of one parse: the text with every recognised phrase blanked out so far. */
    private static final class Reading {
        private final Grammar grammar;
        private final String original;
        /** For the cue test only; never blanked, so a cue may belong to a phrase already taken (a wasted search). */
        private final String lowerCaseText;
        private final StringBuilder text;
        private final ZoneId zone;
        private final ZonedDateTime now;
        private final LocalDate today;
        private boolean recognisedAny;

        Reading(Grammar grammar, String original, ZoneId zone, ZonedDateTime now) {
            this.grammar = grammar;
            this.original = original;
            this.lowerCaseText = original.toLowerCase(Locale.ROOT);
            this.text = new StringBuilder(original);
            this.zone = zone;
            this.now = now;
            this.today = now.toLocalDate();
        }

        Capture read() {
            SortedSet<String> tags = new TreeSet<>(takeAll(TAG, m -> m.group("tag").toLowerCase(Locale.ROOT)));
            Priority priority = takePriority();
            Lead lead = takeFirst(grammar.remindBefore());
            Language remindMe = takeFirst(grammar.remindMe());
            Repeat repeat = takeFirst(grammar.recurrences());
            Duration elapsed = takeFirst(grammar.elapsed());
            DateHit date = takeFirst(grammar.dates());
            ClockTime clock = takeFirst(grammar.times());
            Daypart daypart = takeFirst(grammar.dayparts());

            Recurrence recurrence = repeat == null ? null : repeat.rule();
            if (daypart == null) {
                daypart = date != null && date.daypart() != null ? date.daypart()
                        : repeat != null ? repeat.daypart() : null;
            }
            LocalDate firstDay = today;
            if (recurrence != null && date != null) {
                Recurrence pinned = date.starting() ? null : date.pin().apply(recurrence);
                if (pinned != null) {
                    recurrence = pinned;
                } else {
                    firstDay = date.date();
                }
                date = null;
            }
            LocalTime time = clock != null ? clock.resolve(daypart) : daypart != null ? daypart.time : null;
            Due due = elapsed != null
                    ? new Due.Timed(now.plus(elapsed).truncatedTo(ChronoUnit.MINUTES))
                    : due(date, time, recurrence, firstDay);

            Set<Capture.Flag> flags = EnumSet.noneOf(Capture.Flag.class);
            if (date != null && date.guessedYear() && date.date().isAfter(today.plusDays(FAR_AHEAD_DAYS))) {
                flags.add(Capture.Flag.DUE_FAR_AHEAD);
            }
            String title = title(remindMe);
            if (title.isEmpty()) {
                flags.add(Capture.Flag.TITLE_MISSING);
            }
            String rrule = recurrence == null ? null : recurrence.toRRule();
            return new Capture(title, due, priority, tags, rrule, reminder(due, lead, remindMe != null), flags);
        }

        private Priority takePriority() {
            Priority priority = null;
            for (Priority marked : takeAll(PRIORITY_WORD, Reading::markedPriority)) {
                priority = Priority.higherOf(priority, marked);
            }
            for (Priority marked : takeAll(BANGS, this::bangs)) {
                priority = Priority.higherOf(priority, marked);
            }
            for (Rule<Priority> rule : grammar.urgentWords()) {
                Function<Matcher, Priority> read =
                        m -> rule.kind().reader().read(new Hit(m, rule.phrase().groups(), rule.language()), today);
                for (Priority marked : takeAll(rule.phrase(), read)) {
                    priority = Priority.higherOf(priority, marked);
                }
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

        private Due due(DateHit date, LocalTime time, Recurrence recurrence, LocalDate firstDay) {
            if (recurrence != null) {
                return firstOccurrence(recurrence, time, firstDay);
            }
            if (date != null) {
                return time == null ? new Due.AllDay(date.date()) : timed(date.date(), time);
            }
            if (time == null) {
                return null;
            }
            Due.Timed todayAt = timed(today, time);
            return todayAt.at().isAfter(now) ? todayAt : timed(today.plusDays(1), time);
        }

        /**
         * All-day: the first matching date from {@code from} (in the past when the series started there); timed: the
         * first matching date-time after now, from {@code from} on.
         */
        private Due firstOccurrence(Recurrence recurrence, LocalTime time, LocalDate from) {
            LocalDate day = time != null && from.isBefore(today) ? today : from;
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

        /** What is left; empty when that is nothing but recognised phrases. */
        private String title(Language remindMe) {
            String title = SPACES.matcher(text).replaceAll(" ");
            title = trimPunctuation(SPACE_BEFORE_SEPARATOR.matcher(title).replaceAll("$1"));
            if (remindMe != null) {
                // "remind me tomorrow to call Jo": the "to" only made sense next to "remind me"
                title = remindMe.remindConnector().matcher(title).replaceFirst("");
            }
            if (!title.isBlank() || recognisedAny) {
                return title.strip();
            }
            // Only punctuation (".,;"): the user's own marks are the title.
            return SPACES.matcher(original).replaceAll(" ").strip();
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
            Matcher m = phrase.matcher(text);
            for (int from = 0; phrase.find(m, text, from); from = Phrase.after(m)) {
                T value = read.apply(m);
                if (value != null) {
                    values.add(value);
                    spans.add(new int[] {m.start(), m.end()});
                }
            }
            spans.forEach(span -> blank(span[0], span[1]));
            return values;
        }

        /** The first rule, in the grammar's order, with an acceptable match. */
        private <T> T takeFirst(List<Rule<T>> rules) {
            for (Rule<T> rule : rules) {
                Phrase phrase = rule.phrase();
                if (!phrase.mayOccurIn(lowerCaseText)) {
                    continue;
                }
                Matcher m = phrase.matcher(text);
                Hit hit = new Hit(m, phrase.groups(), rule.language());
                for (int from = 0; phrase.find(m, text, from); from = Phrase.after(m)) {
                    T value = rule.kind().reader().read(hit, today);
                    if (value != null) {
                        blank(m.start(), m.end());
                        return value;
                    }
                }
            }
            return null;
        }

        private void blank(int start, int end) {
            for (int i = start; i < end; i++) {
                text.setCharAt(i, ' ');
                recognisedAny = true;
            }
        }
    }
}
