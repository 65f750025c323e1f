package app.tdah.capture;

import static app.tdah.capture.Vocabulary.COLON;
import static app.tdah.capture.Vocabulary.DIGIT_THEN_H;
import static app.tdah.capture.Vocabulary.HYPHEN;
import static app.tdah.capture.Vocabulary.SLASH;
import static app.tdah.capture.Phrases.BARE_HOUR;
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
import static app.tdah.capture.Phrases.HOUR_WITH_DAYPART;
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
import static app.tdah.capture.Phrases.URGENT_WORD;
import static app.tdah.capture.Phrases.WEEKDAY;
import static app.tdah.capture.Phrases.SEVERAL_WEEKDAYS;
import static app.tdah.capture.Phrases.WEEKENDS;
import static app.tdah.capture.Phrases.WEEKLY_ON_DAYS;
import static app.tdah.capture.Phrases.WORKDAYS;
import static app.tdah.capture.Phrases.YEARLY_ON_DATE;
import static app.tdah.capture.Vocabulary.END;
import static app.tdah.capture.Vocabulary.NUMBER_START;
import static app.tdah.capture.Vocabulary.START;

import java.util.List;

/** The French phrases (docs/capture/spec-fr.md); accents may be left out, as people often do. */
final class French {

    private French() {
    }

    private static final List<String> EVERY = List.of("tous", "toutes", "chaque");
    private static final List<String> DIGITS_OR_FIRST = Vocabulary.digitsOr("premier");
    private static final List<String> MONTH_CUES = List.of("janvier", "vrier", "mars", "avril", "mai", "juin",
            "juillet", "ao", "septembre", "octobre", "novembre", "cembre");
    private static final List<String> WEEKDAY_CUES =
            List.of("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche");

    /** Only whole names: "mer", "jeu", "sam" and "dim" are everyday words. */
    private static final String WEEKDAY_NAME = "(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)s?";
    private static final String MONTH = "(?:janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t|septembre"
            + "|octobre|novembre|d[ée]cembre)";
    /** The day of a date: "3", "1er", "premier". */
    private static final String DAY = "(?:\\d{1,2}(?:er|re)?|premier)";
    private static final String ORDINAL = "(?:premi(?:er|[èe]re)|1er|1re|deuxi[èe]me|2e|second|troisi[èe]me|3e"
            + "|quatri[èe]me|4e|cinqui[èe]me|5e|derni(?:er|[èe]re))";
    /** Between weekdays of a list: "lundi, mercredi et vendredi", "le lundi et le jeudi", "lundi jeudi". */
    private static final String LIST_SEPARATOR = "(?:\\s*,\\s*(?:et\\s+)?|\\s+et\\s+|\\s+)(?:le\\s+)?";
    private static final String WEEKDAY_LIST = Vocabulary.listOf(WEEKDAY_NAME, LIST_SEPARATOR);

    private static final String COUNT = Vocabulary.count("une|un|deux|trois|quatre|cinq|six|sept|huit|neuf|dix"
            + "|onze|douze|quinze|vingt|trente");
    private static final String MINUTES = "(?:minutes|minute|mins|min)";
    private static final String HOURS = "(?:heures|heure|h)";
    private static final String DAYS = "(?:jours|jour|j)";
    private static final String WEEKS = "(?:semaines|semaine)";
    private static final String MONTHS = "mois";
    private static final String AFTERNOON = "apr[èe]s-midi";

    private static final String INTERVAL = "(?:" + COUNT + ")?";
    /** "mardi 17 mars": the weekday goes with the date and says nothing more. */
    private static final String WEEKDAY_BEFORE_DATE = "(?:" + WEEKDAY_NAME + ",?\\s+)?";
    /** "le 06 12 34 56 78" is a phone number, not the 6th. */
    private static final String NOT_A_PHONE_NUMBER = "(?!\\s+\\d{2}(?:\\s|$))";

    /** "à partir de demain" moves a recurrence's first occurrence (group {@code from}). */
    private static final String FROM = "(?:(?<from>[àa]\\s+partir\\s+(?:de\\s+|du\\s+|d['’])|d[èe]s\\s+))?";
    private static final String DATE_LEAD = FROM + "(?:(?:pour|avant|d['’]ici)\\s+){0,2}";
    /** "à" with or without its accent before "17h" ("a 17h"), but only "à" before a bare hour ("Léa a 5 ans"). */
    private static final String TIME_LEAD = "(?:(?<at>[àa]\\s+|vers\\s+))?";

    static final Language LANGUAGE = Language.builder("fr")
            .phrase(URGENT_WORD, List.of("urgent"), START + "urgente" + END)

            .phrase(REMIND_BEFORE, List.of("avant", "plus t"), START + "(?:rappelle[-\\s]?moi\\s+)?(?:(?<half>une"
                    + "\\s+demi-?\\s*heure)|" + COUNT + "(?<unit>" + MINUTES + "|" + HOURS + "|" + DAYS + "))\\s+"
                    + "(?:avant|plus\\s+t[ôo]t)" + END)
            .phrase(REMIND_ME, List.of("rappel"), "^\\s*rappelle[-\\s]?moi" + END + "(?:\\s+de" + END
                    + "|\\s+d['’])?")

            .phrase(YEARLY_ON_DATE, MONTH_CUES, START + "(?:tous\\s+les\\s+ans\\s+le|chaque\\s+ann[ée]e\\s+le|tous\\s+les"
                    + "|chaque)\\s+(?<d2>" + DAY + ")\\s+(?<m2>" + MONTH + ")" + END)
            .phrase(MONTHLY_NTH_WEEKDAY, List.of("mois"), START + "(?:le\\s+|chaque\\s+|tous\\s+les\\s+)?(?<ord>"
                    + ORDINAL + ")s?\\s+(?<day>" + WEEKDAY_NAME + ")\\s+(?:du|de\\s+chaque|de\\s+tous\\s+les)\\s+mois"
                    + END)
            .phrase(WORKDAYS, List.of("semaine", "ouvr", "lundi"), START + "(?:en\\s+semaine|(?:tous\\s+les|chaque)"
                    + "\\s+jours?\\s+(?:de\\s+la\\s+semaine|ouvr[ée]s|ouvrables)|du\\s+lundi\\s+au\\s+vendredi)" + END)
            .phrase(WEEKENDS, List.of("week"), START + "(?:tous\\s+les|chaque)\\s+week-?\\s?ends?" + END)
            .phrase(WEEKLY_ON_DAYS, List.of("semaine"), START + "(?:toutes\\s+les\\s+" + INTERVAL + "semaines"
                    + "|chaque\\s+semaine)\\s+(?:le\\s+)?(?<days>" + WEEKDAY_LIST + ")")
            .phrase(WEEKLY_ON_DAYS, EVERY, START + "(?:tous\\s+les|chaque)\\s+" + INTERVAL + "(?:le\\s+)?(?<days>"
                    + WEEKDAY_LIST + ")")
            .phrase(MONTHLY_ON_DAY, List.of("mois"), START + "(?:tous\\s+les\\s+" + INTERVAL + "mois|chaque\\s+mois"
                    + "|mensuellement)\\s+le\\s+(?<dom>" + DAY + ")" + END)
            .phrase(MONTHLY_ON_DAY, List.of("mois"), START + "(?:le\\s+(?<dom>" + DAY + ")\\s+de\\s+(?:chaque|tous"
                    + "\\s+les)|(?:tous\\s+les|chaque)\\s+(?<dom2>" + DAY + ")\\s+(?:du|de\\s+chaque))\\s+mois" + END)
            .phrase(EVERY_UNIT, EVERY, START + "(?:tous|toutes)\\s+les\\s+" + INTERVAL + "(?<unit>jours|semaines"
                    + "|mois|ans|ann[ée]es)" + END)
            .phrase(EVERY_UNIT, EVERY, START + "chaque\\s+(?<unit>jour|semaine|mois|an|ann[ée]e)" + END)
            .phrase(EVERY_DAYPART, EVERY, START + "(?:tous\\s+les|chaque)\\s+(?<part>matins?|soirs?|" + AFTERNOON
                    + ")" + END)
            .phrase(FREQUENCY_WORD, List.of("quotid", "hebdo", "mensuel", "annuel"), START + "(?<adverb>"
                    + "quotidiennement|hebdomadairement|mensuellement|annuellement)" + END)

            .phrase(ELAPSED, List.of("dans"), START + "dans\\s+(?:(?<half>une\\s+demi-?\\s*heure)|" + COUNT
                    + "(?:(?<unit>" + MINUTES + "|" + HOURS + ")(?:(?<=h)\\s*(?<plusmin>\\d{2}))?)(?<andhalf>\\s+et\\s+demie)?)" + END)

            .phrase(ISO_DATE, HYPHEN, NUMBER_START + DATE_LEAD + "(?:le\\s+)?" + Vocabulary.ISO_DATE)
            .phrase(MONTH_DAY, MONTH_CUES, START + DATE_LEAD + "(?:le\\s+)?" + WEEKDAY_BEFORE_DATE + "(?<d2>" + DAY + ")\\s+(?<m2>" + MONTH + ")"
                    + END + "(?:\\s+(?<y>\\d{4})" + END + ")?")
            .phrase(SLASH_DATE, SLASH, NUMBER_START + DATE_LEAD + "(?:le\\s+)?" + WEEKDAY_BEFORE_DATE + "(?<d>\\d{1,2})/(?<m>\\d{1,2})"
                    + "(?:/(?<y>\\d{4}|\\d{2}))?(?![\\p{N}/])")
            .phrase(THIS_DAYPART, List.of("ce ", "cet", "cette"), START + DATE_LEAD + "(?:(?<tonight>ce\\s+soir"
                    + "|cette\\s+nuit)|(?:ce|cet)\\s+(?<part>matin|" + AFTERNOON + "))" + END)
            .phrase(NEAR_DAY, List.of("aujourd", "demain", "hier"), START + DATE_LEAD + "(?:(?<today>aujourd['’]hui)"
                    + "|(?<dayafter>apr[èe]s-demain)|(?<tomorrow>demain)|(?<daybefore>avant-hier)"
                    + "|(?<yesterday>hier))" + END)
            .phrase(CALENDAR_PERIOD, List.of("semaine", "week", "mois"), START + DATE_LEAD
                    + "(?:(?<nextweek>la\\s+semaine\\s+prochaine)|(?<nextweekend>le\\s+week-?\\s?end\\s+prochain)"
                    + "|(?<weekend>(?:ce|le)\\s+week-?\\s?end)|(?<nextmonth>le\\s+mois\\s+prochain)"
                    + "|(?<endofmonth>(?:[àa]\\s+la\\s+|en\\s+)?fin\\s+(?:du|de)\\s+mois))" + END)
            .phrase(DAYS_AHEAD, List.of("dans"), START + DATE_LEAD + "dans\\s+" + COUNT + "(?<unit>" + DAYS + "|"
                    + WEEKS + "|" + MONTHS + ")" + END)
            .phrase(DAYS_AGO, List.of("il y a"), START + "il\\s+y\\s+a\\s+" + COUNT + "(?<unit>" + DAYS + "|" + WEEKS
                    + "|" + MONTHS + ")" + END)
            .phrase(LAST_WEEKDAY, List.of("derni"), START + "(?:le\\s+)?(?<day>" + WEEKDAY_NAME + ")\\s+dernier"
                    + END)
            .phrase(SEVERAL_WEEKDAYS, WEEKDAY_CUES, START + DATE_LEAD + "(?:le\\s+|ce\\s+)?(?<days>"
                    + Vocabulary.severalOf(WEEKDAY_NAME, LIST_SEPARATOR) + ")")
            .phrase(WEEKDAY, WEEKDAY_CUES, START + DATE_LEAD + "(?:(?:ce|le)\\s+)?(?<day>" + WEEKDAY_NAME + ")"
                    + "(?:\\s+prochain)?" + END)
            .phrase(DAY_OF_MONTH, DIGITS_OR_FIRST, START + DATE_LEAD + "le\\s+(?<dom>" + DAY + ")" + END
                    + NOT_A_PHONE_NUMBER + "(?:\\s+du\\s+mois" + END + ")?")

            .phrase(HOUR_WITH_DAYPART, List.of("matin", "soir", "midi"), NUMBER_START + TIME_LEAD + "(?<h>\\d{1,2})"
                    + "(?:\\s*h\\s*(?<min>\\d{2})?)?\\s+(?:du|de\\s+l['’])\\s*(?<part>matin|soir|" + AFTERNOON + ")"
                    + END)
            .phrase(COLON_TIME, COLON, NUMBER_START + TIME_LEAD + "(?<h>\\d{1,2}):(?<min>\\d{2})"
                    + "(?![\\p{L}\\p{N}_]|:\\d)")
            .phrase(H_TIME, DIGIT_THEN_H, NUMBER_START + TIME_LEAD + "(?<h>\\d{1,2})h(?<min>\\d{2})?" + END)
            .phrase(BARE_HOUR, List.of("à", "vers"), NUMBER_START + "(?:à|vers)\\s+(?<h>\\d{1,2})"
                    + Vocabulary.hourFollowedBy("avec|chez|pour|et|puis|au|aux|à|a|ou|matin|soir|" + AFTERNOON
                    + "|pile"))

            .phrase(DAYPART, List.of("matin", "midi", "soir", "minuit"), START + "(?:(?:le|au|[àa]|en|dans\\s+la)"
                    + "\\s+|l['’])?(?<part>matin|" + AFTERNOON + "|soir[ée]e|soir|midi|minuit)" + END)
            .build("^(?:de\\s+|d['’])");
}
