package app.tdah.capture;

import static app.tdah.capture.Phrases.CALENDAR_PERIOD;
import static app.tdah.capture.Phrases.COLON_TIME;
import static app.tdah.capture.Phrases.DAYPART;
import static app.tdah.capture.Phrases.DAYS_AGO;
import static app.tdah.capture.Phrases.DAYS_AHEAD;
import static app.tdah.capture.Phrases.DAY_OF_MONTH;
import static app.tdah.capture.Phrases.ELAPSED;
import static app.tdah.capture.Phrases.EVERY_DAYPART;
import static app.tdah.capture.Phrases.EVERY_UNIT;
import static app.tdah.capture.Phrases.FREQUENCY_WORD;
import static app.tdah.capture.Phrases.H_TIME;
import static app.tdah.capture.Phrases.ISO_DATE;
import static app.tdah.capture.Phrases.LAST_WEEKDAY;
import static app.tdah.capture.Phrases.MONTHLY_NTH_WEEKDAY;
import static app.tdah.capture.Phrases.MONTHLY_ON_DAY;
import static app.tdah.capture.Phrases.MONTH_DAY;
import static app.tdah.capture.Phrases.NEAR_DAY;
import static app.tdah.capture.Phrases.REMIND_BEFORE;
import static app.tdah.capture.Phrases.REMIND_ME;
import static app.tdah.capture.Phrases.SLASH_DATE;
import static app.tdah.capture.Phrases.THIS_DAYPART;
import static app.tdah.capture.Phrases.TWELVE_HOUR;
import static app.tdah.capture.Phrases.BARE_HOUR;
import static app.tdah.capture.Phrases.URGENT_WORD;
import static app.tdah.capture.Phrases.WEEKDAY;
import static app.tdah.capture.Phrases.SEVERAL_WEEKDAYS;
import static app.tdah.capture.Phrases.WEEKENDS;
import static app.tdah.capture.Phrases.WEEKLY_ON_DAYS;
import static app.tdah.capture.Phrases.WORKDAYS;
import static app.tdah.capture.Phrases.YEARLY_ON_DATE;
import static app.tdah.capture.Vocabulary.COLON;
import static app.tdah.capture.Vocabulary.DIGIT_THEN_H;
import static app.tdah.capture.Vocabulary.HYPHEN;
import static app.tdah.capture.Vocabulary.SLASH;
import static app.tdah.capture.Vocabulary.END;
import static app.tdah.capture.Vocabulary.NUMBER_START;
import static app.tdah.capture.Vocabulary.START;

import java.util.List;

/** The English phrases (docs/capture/spec-en.md). Every profile language falls back on them. */
final class English {

    private English() {
    }

    private static final List<String> EVERY = List.of("every");
    private static final List<String> WEEKDAY_CUES = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
    private static final List<String> MONTH_CUES =
            List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");
    /** A digit and its ordinal suffix: "1st", "22nd", "15th". */
    private static final List<String> ORDINAL_CUES = List.of("1st", "2nd", "3rd", "0th", "1th", "2th", "3th",
            "4th", "5th", "6th", "7th", "8th", "9th");

    private static final String FULL_WEEKDAY = "(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)";
    /** Short names are also ordinary words ("sun cream", "sat nav"), so they count only in some places. */
    private static final String SHORT_WEEKDAY = "(?:mon|tues|tue|weds|wed|thurs|thur|thu|fri|sat|sun)";
    private static final String WEEKDAY_NAME = "(?:" + FULL_WEEKDAY + "|" + SHORT_WEEKDAY + ")";
    /** What may follow a short weekday name standing alone: the end, punctuation, a time or a part of the day. */
    private static final String AFTER_SHORT_WEEKDAY = "(?=\\s*(?:$|[,;.!?)\\]]|\\d|@|(?:at|morning|afternoon"
            + "|evening|night|noon|midday|tonight)" + END + "))";
    private static final String MONTH = "(?:january|february|march|april|may|june|july|august|september|october"
            + "|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)";
    private static final String ORDINAL_SUFFIX = "(?:st|nd|rd|th)";
    private static final String ORDINAL = "(?:first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th)";
    /** Between weekdays of a list: "mon, wed and fri", "tue & thu", "sat/sun", "mon wed fri". */
    private static final String LIST_SEPARATOR = "(?:\\s*,\\s*(?:and\\s+)?|\\s+and\\s+|\\s*&\\s*|\\s*/\\s*|\\s+)";
    private static final String WEEKDAY_LIST = Vocabulary.listOf(WEEKDAY_NAME, LIST_SEPARATOR);

    private static final String COUNT = Vocabulary.count("an|a|one|two|three|four|five|six|seven|eight|nine|ten"
            + "|eleven|twelve|fifteen|twenty|thirty|forty-five");
    private static final String MINUTES = "(?:minutes|minute|mins|min)";
    private static final String HOURS = "(?:hours|hour|hrs|hr|h)";
    private static final String DAYS = "(?:days|day|d)";
    private static final String WEEKS = "(?:weeks|week|wks|wk)";
    private static final String MONTHS = "(?:months|month)";

    private static final String INTERVAL = "(?:(?<other>other)\\s+|" + COUNT + ")?";
    private static final String OF_EACH_MONTH = "(?:\\s+of\\s+(?:the|each|every)\\s+month" + END + ")?";
    private static final String DAY_MONTH = "(?:the\\s+)?(?<d2>\\d{1,2})" + ORDINAL_SUFFIX + "?\\s+(?:of\\s+)?(?<m2>"
            + MONTH + ")\\.?";
    private static final String MONTH_DAY_ORDER = "(?<m1>" + MONTH + ")\\.?\\s+(?:the\\s+)?(?<d1>\\d{1,2})"
            + ORDINAL_SUFFIX + "?";
    private static final String YEAR = "(?:,?\\s+(?<y>\\d{4})" + END + ")?";
    /** "friday March 20": the weekday goes with the date and says nothing more. */
    private static final String WEEKDAY_BEFORE_DATE = "(?:" + WEEKDAY_NAME + "\\.?,?\\s+)?";

    /** "starting tomorrow" moves a recurrence's first occurrence (group {@code from}). */
    private static final String FROM = "(?:(?<from>starting|beginning)\\s+(?:(?:on|from)\\s+)?)?";
    /**
     * The words that may stand before a date without changing it. Repeats are bounded: an unbounded repeated group
     * makes java.util.regex recurse once per repeat, and a long enough input would overflow the stack.
     */
    private static final String DATE_LEAD = FROM + "(?:(?:on|by|due)\\s+){0,3}";
    private static final String WEEKDAY_LEAD = "(?:(?:on|next|this|by|due)\\s+)";
    private static final String TIME_LEAD = "(?:(?:by|due)\\s+)?(?:(?<at>at\\s+|@\\s*))?";

    static final Language LANGUAGE = Language.builder("en")
            .phrase(URGENT_WORD, List.of("urgent", "asap"), START + "(?:urgent|asap)" + END)

            .phrase(REMIND_BEFORE, List.of("before", "earlier"), START + "(?:remind\\s+me\\s+)?(?:(?<half>half\\s+an"
                    + "\\s+hour)|" + COUNT + "(?<unit>" + MINUTES + "|" + HOURS + "|" + DAYS + "))\\s+(?:before"
                    + "|earlier)" + END)
            .phrase(REMIND_ME, List.of("remind"), "^\\s*remind\\s+me" + END + "(?:\\s+to" + END + ")?")

            .phrase(YEARLY_ON_DATE, MONTH_CUES, START + "every\\s+(?:year\\s+on\\s+)?(?:" + MONTH_DAY_ORDER + "|"
                    + DAY_MONTH + ")" + END)
            .phrase(MONTHLY_NTH_WEEKDAY, EVERY, START + "every\\s+(?:month\\s+on\\s+the\\s+)?(?<ord>" + ORDINAL
                    + ")\\s+(?<day>" + WEEKDAY_NAME + ")" + END + OF_EACH_MONTH)
            .phrase(MONTHLY_NTH_WEEKDAY, List.of("month"), START + "(?:on\\s+)?the\\s+(?<ord>" + ORDINAL + ")\\s+"
                    + "(?<day>" + WEEKDAY_NAME + ")\\s+of\\s+(?:the|each|every)\\s+month" + END)
            .phrase(WORKDAYS, List.of("weekday"), START + "(?:every\\s+weekdays?|(?:on\\s+)?weekdays)" + END)
            .phrase(WEEKENDS, List.of("weekend"), START + "(?:every\\s+weekends?|(?:on\\s+)?weekends)" + END)
            .phrase(WEEKLY_ON_DAYS, List.of("week"), START + "(?:every\\s+" + INTERVAL + "weeks?|weekly)\\s+on\\s+"
                    + "(?<days>" + WEEKDAY_LIST + ")")
            .phrase(WEEKLY_ON_DAYS, EVERY, START + "every\\s+" + INTERVAL + "(?<days>" + WEEKDAY_LIST + ")")
            .phrase(MONTHLY_ON_DAY, List.of("month"), START + "(?:every\\s+" + INTERVAL + "months?|monthly)\\s+on"
                    + "\\s+the\\s+(?<dom>\\d{1,2})" + ORDINAL_SUFFIX + END)
            .phrase(MONTHLY_ON_DAY, ORDINAL_CUES, START + "every\\s+(?:the\\s+)?(?<dom>\\d{1,2})" + ORDINAL_SUFFIX + END
                    + OF_EACH_MONTH)
            .phrase(MONTHLY_ON_DAY, ORDINAL_CUES, START + "(?:on\\s+)?the\\s+(?<dom>\\d{1,2})" + ORDINAL_SUFFIX
                    + "\\s+of\\s+(?:each|every)\\s+month" + END)
            .phrase(EVERY_UNIT, EVERY, START + "every\\s+" + INTERVAL + "(?<unit>day|week|month|year)s?" + END)
            .phrase(EVERY_DAYPART, EVERY, START + "every\\s+(?<part>morning|afternoon|evening|night)" + END)
            .phrase(FREQUENCY_WORD, List.of("daily", "everyday", "weekly", "monthly", "yearly", "annually"),
                    START + "(?<adverb>daily|everyday|weekly|monthly|yearly|annually)" + END)

            .phrase(ELAPSED, List.of("in ", "in\t"), START + "in\\s+(?:(?<half>half\\s+an\\s+hour)|" + COUNT + "(?<unit>"
                    + MINUTES + "|" + HOURS + ")(?<andhalf>\\s+and\\s+a\\s+half)?)" + END)

            .phrase(ISO_DATE, HYPHEN, NUMBER_START + DATE_LEAD + Vocabulary.ISO_DATE)
            .phrase(MONTH_DAY, MONTH_CUES, START + DATE_LEAD + WEEKDAY_BEFORE_DATE + DAY_MONTH + END + YEAR)
            .phrase(MONTH_DAY, MONTH_CUES, START + DATE_LEAD + WEEKDAY_BEFORE_DATE + MONTH_DAY_ORDER + END + YEAR)
            .phrase(SLASH_DATE, SLASH, NUMBER_START + DATE_LEAD + WEEKDAY_BEFORE_DATE + "(?<m>\\d{1,2})/(?<d>\\d{1,2})"
                    + "(?:/(?<y>\\d{4}|\\d{2}))?(?![\\p{N}/])")
            .phrase(THIS_DAYPART, List.of("tonight", "this"), START + DATE_LEAD + "(?:(?<tonight>tonight)|this\\s+"
                    + "(?<part>morning|afternoon|evening))" + END)
            .phrase(NEAR_DAY, List.of("today", "tomorrow", "tmr", "yesterday"), START + DATE_LEAD
                    + "(?:(?<dayafter>(?:the\\s+)?day\\s+after\\s+(?:tomorrow|tmrw|tmr))|(?<daybefore>(?:the\\s+)?"
                    + "day\\s+before\\s+yesterday)|(?<today>today)|(?<tomorrow>tomorrow|tmrw|tmr)"
                    + "|(?<yesterday>yesterday))" + END)
            .phrase(CALENDAR_PERIOD, List.of("week", "month"), START + DATE_LEAD + "(?:(?<nextweek>next\\s+week)"
                    + "|(?<nextweekend>next\\s+weekend)|(?<weekend>(?:this\\s+|the\\s+)?weekend)"
                    + "|(?<nextmonth>next\\s+month)|(?<endofmonth>(?:the\\s+)?end\\s+of\\s+(?:the\\s+|this\\s+)?"
                    + "month))" + END)
            .phrase(DAYS_AHEAD, List.of("in ", "in\t"), START + DATE_LEAD + "in\\s+" + COUNT + "(?<unit>" + DAYS + "|" + WEEKS
                    + "|" + MONTHS + ")" + END)
            .phrase(DAYS_AGO, List.of("ago"), START + COUNT + "(?<unit>" + DAYS + "|" + WEEKS + "|" + MONTHS
                    + ")\\s+ago" + END)
            .phrase(LAST_WEEKDAY, List.of("last"), START + "last\\s+(?<day>" + WEEKDAY_NAME + ")\\.?" + END)
            .phrase(SEVERAL_WEEKDAYS, WEEKDAY_CUES, START + FROM + WEEKDAY_LEAD + "{0,3}(?<days>"
                    + Vocabulary.severalOf(WEEKDAY_NAME, LIST_SEPARATOR) + ")")
            .phrase(WEEKDAY, WEEKDAY_CUES, START + FROM + "(?:" + WEEKDAY_LEAD + "{1,3}(?<day>" + WEEKDAY_NAME
                    + ")\\.?" + END + "|(?<bare>" + FULL_WEEKDAY + "\\.?" + END + "|" + SHORT_WEEKDAY + "\\.?" + END
                    + AFTER_SHORT_WEEKDAY + "))")
            .phrase(DAY_OF_MONTH, ORDINAL_CUES, START + FROM + "(?:(?:(?:on|by|due)\\s+){1,3}(?:the\\s+)?|the\\s+)(?<dom>"
                    + "\\d{1,2})" + ORDINAL_SUFFIX + END + "(?:\\s+of\\s+(?:the|this)\\s+month" + END + ")?")

            .phrase(TWELVE_HOUR, List.of("am", "pm", "a.m", "p.m"), NUMBER_START + TIME_LEAD + "(?<h>\\d{1,2})(?::(?<min>\\d{2}))?\\s*"
                    + "(?<meridiem>[ap])\\.?m\\.?(?![\\p{L}\\p{N}_])")
            .phrase(COLON_TIME, COLON, NUMBER_START + TIME_LEAD + "(?<h>\\d{1,2}):(?<min>\\d{2})"
                    + "(?![\\p{L}\\p{N}_]|:\\d)")
            .phrase(H_TIME, DIGIT_THEN_H, NUMBER_START + TIME_LEAD + "(?<h>\\d{1,2})h(?<min>\\d{2})?" + END)
            .phrase(BARE_HOUR, List.of("at", "@"), NUMBER_START + "(?:(?:by|due)\\s+)?(?:at\\s+|@\\s*)(?<h>\\d{1,2})"
                    + Vocabulary.hourFollowedBy("with|for|and|then|at|in|on|to|by|or|morning|afternoon|evening|night"
                    + "|sharp"))

            .phrase(DAYPART, List.of("morning", "afternoon", "evening", "noon", "midday", "midnight"),
                    START + "(?:(?:in\\s+the|on\\s+the|this|at|by)\\s+|@\\s*)?(?<part>morning|afternoon|evening"
                            + "|noon|midday|midnight)" + END)
            .build("^to\\s+");
}
