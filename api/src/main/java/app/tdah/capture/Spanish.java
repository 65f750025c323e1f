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
import static app.tdah.capture.Vocabulary.HOUR_END;
import static app.tdah.capture.Vocabulary.NUMBER_START;
import static app.tdah.capture.Vocabulary.START;

import java.util.List;

/** The Spanish phrases (docs/capture/spec-es.md); accents and the tilde may be left out ("manana"). */
final class Spanish {

    private Spanish() {
    }

    private static final List<String> EVERY = List.of("cada", "todos", "todas");
    private static final List<String> DIGITS_OR_FIRST = Vocabulary.digitsOr("primero");
    private static final List<String> MONTH_CUES = List.of("enero", "febrero", "marzo", "abril", "mayo", "junio",
            "julio", "agosto", "septiembre", "setiembre", "octubre", "noviembre", "diciembre");
    private static final List<String> MORNING_CUES = List.of("mañana", "manana", "tarde", "noche", "medi");
    private static final List<String> WEEKDAY_CUES =
            List.of("lunes", "martes", "rcoles", "jueves", "viernes", "bado", "domingo");

    /** Only whole names: "mar", "sol", "dom" are everyday words. */
    private static final String WEEKDAY_NAME = "(?:lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bados?|domingos?)";
    private static final String MONTH = "(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre"
            + "|octubre|noviembre|diciembre)";
    /** The day of a date: "3", "1º", "primero". */
    private static final String DAY = "(?:\\d{1,2}[º°]?|primero)";
    private static final String ORDINAL = "(?:primer|primero|segundo|tercer|tercero|cuarto|quinto|[úu]ltimo)";
    /** Between weekdays of a list: "lunes, miércoles y viernes", "el lunes y el jueves", "lunes jueves". */
    private static final String LIST_SEPARATOR = "(?:\\s*,\\s*(?:y\\s+)?|\\s+[ye]\\s+|\\s+)(?:el\\s+)?";
    private static final String WEEKDAY_LIST = Vocabulary.listOf(WEEKDAY_NAME, LIST_SEPARATOR);
    /** "mañana" is tomorrow, except as a part of the day: "por la mañana", "esta mañana", "cada mañana". */
    private static final String TOMORROW = "(?<!la\\s)(?<!esta\\s)(?<!cada\\s)(?<!las\\s)ma[ñn]ana";

    private static final String COUNT = Vocabulary.count("una|uno|un|dos|tres|cuatro|cinco|seis|siete|ocho|nueve"
            + "|diez|once|doce|quince|veinte|treinta");
    private static final String MINUTES = "(?:minutos|minuto|mins|min)";
    private static final String HOURS = "(?:horas|hora|h)";
    private static final String DAYS = "(?:d[ií]as|d[ií]a)";
    private static final String WEEKS = "(?:semanas|semana)";
    private static final String MONTHS = "(?:meses|mes)";
    private static final String NEXT = "pr[óo]xim[oa]";

    private static final String INTERVAL = "(?:(?<other>otro)\\s+|" + COUNT + ")?";
    /** "lunes 16 de marzo": the weekday goes with the date and says nothing more. */
    private static final String WEEKDAY_BEFORE_DATE = "(?:" + WEEKDAY_NAME + ",?\\s+)?";
    /** "el 06 12 34 56" is a phone number, not the 6th. */
    private static final String NOT_A_PHONE_NUMBER = "(?!\\s+\\d{2}(?:\\s|$))";

    /** "a partir de mañana" moves a recurrence's first occurrence (group {@code from}). */
    private static final String FROM = "(?:(?<from>a\\s+partir\\s+(?:de\\s+|del\\s+)|desde\\s+))?";
    private static final String DATE_LEAD = FROM + "(?:(?:para|antes\\s+del?|hasta)\\s+){0,2}";
    private static final String TIME_LEAD = "(?:(?<at>a\\s+las?\\s+|sobre\\s+las?\\s+)|antes\\s+de\\s+las?\\s+)?";

    static final Language LANGUAGE = Language.builder("es")
            .phrase(URGENT_WORD, List.of("urgente"), START + "urgente" + END)

            .phrase(REMIND_BEFORE, List.of("antes"), START + "(?:recu[ée]rdame(?:lo)?\\s+)?(?:(?<half>media\\s+hora)|"
                    + COUNT + "(?<unit>" + MINUTES + "|" + HOURS + "|" + DAYS + "))\\s+antes" + END)
            .phrase(REMIND_ME, List.of("recu"), "^\\s*recu[ée]rdame" + END + "(?:\\s+que" + END + ")?")

            .phrase(YEARLY_ON_DATE, MONTH_CUES, START + "(?:cada\\s+a[ñn]o\\s+el|todos\\s+los\\s+a[ñn]os\\s+el|cada)\\s+"
                    + "(?<d2>" + DAY + ")\\s+de\\s+(?<m2>" + MONTH + ")" + END)
            .phrase(MONTHLY_NTH_WEEKDAY, List.of("mes"), START + "(?:el\\s+|cada\\s+)?(?<ord>" + ORDINAL + ")\\s+"
                    + "(?<day>" + WEEKDAY_NAME + ")\\s+(?:del|de\\s+cada)\\s+mes" + END)
            .phrase(WORKDAYS, List.of("semana", "labor", "bil", "lunes"), START + "(?:entre\\s+semana"
                    + "|(?:(?:los|todos\\s+los|cada)\\s+)?d[ií]as\\s+(?:laborables|h[áa]biles|de\\s+semana)"
                    + "|de\\s+lunes\\s+a\\s+viernes)" + END)
            .phrase(WEEKENDS, List.of("fin"), START + "(?:cada|todos\\s+los)\\s+fin(?:es)?\\s+de\\s+semana" + END)
            .phrase(WEEKLY_ON_DAYS, List.of("semana"), START + "(?:cada\\s+" + INTERVAL + "semanas?|todas\\s+las"
                    + "\\s+semanas)\\s+(?:el\\s+|los\\s+)?(?<days>" + WEEKDAY_LIST + ")")
            .phrase(WEEKLY_ON_DAYS, EVERY, START + "(?:cada|todos\\s+los)\\s+" + INTERVAL + "(?<days>" + WEEKDAY_LIST
                    + ")")
            .phrase(MONTHLY_ON_DAY, List.of("mes"), START + "(?:cada\\s+" + INTERVAL + "mes(?:es)?|todos\\s+los"
                    + "\\s+meses|mensualmente)\\s+el\\s+(?:d[ií]a\\s+)?(?<dom>" + DAY + ")" + END)
            .phrase(MONTHLY_ON_DAY, List.of("mes"), START + "(?:el\\s+)?(?:d[ií]a\\s+)?(?<dom>" + DAY + ")\\s+de\\s+"
                    + "(?:cada|todos\\s+los)\\s+mes(?:es)?" + END)
            .phrase(EVERY_UNIT, List.of("cada"), START + "cada\\s+" + INTERVAL + "(?<unit>d[ií]as?|semanas?"
                    + "|mes(?:es)?|a[ñn]os?)" + END)
            .phrase(EVERY_UNIT, List.of("todos", "todas"), START + "(?:todos\\s+los|todas\\s+las)\\s+(?<unit>d[ií]as"
                    + "|semanas|meses|a[ñn]os)" + END)
            .phrase(EVERY_DAYPART, EVERY, START + "(?:cada|todas\\s+las)\\s+(?<part>ma[ñn]anas?|tardes?|noches?)"
                    + END)
            .phrase(FREQUENCY_WORD, List.of("diario"), START + "a\\s+(?<adverb>diario)" + END)
            .phrase(FREQUENCY_WORD, List.of("mente"), START + "(?<adverb>diariamente|semanalmente|mensualmente"
                    + "|anualmente)" + END)

            .phrase(ELAPSED, List.of("en ", "en\t", "dentro"), START + "(?:en|dentro\\s+de)\\s+(?:(?<half>media\\s+hora)|"
                    + COUNT + "(?<unit>" + MINUTES + "|" + HOURS + ")(?:(?<=h)\\s*(?<plusmin>\\d{2}))?(?<andhalf>\\s+y\\s+media)?)" + END)

            .phrase(ISO_DATE, HYPHEN, NUMBER_START + DATE_LEAD + "(?:el\\s+)?" + Vocabulary.ISO_DATE)
            .phrase(MONTH_DAY, MONTH_CUES, START + DATE_LEAD + "(?:el\\s+)?" + WEEKDAY_BEFORE_DATE + "(?:d[ií]a\\s+)?(?<d2>" + DAY + ")\\s+de\\s+"
                    + "(?<m2>" + MONTH + ")" + END + "(?:\\s+(?:de|del)\\s+(?<y>\\d{4})" + END + ")?")
            .phrase(SLASH_DATE, SLASH, NUMBER_START + DATE_LEAD + "(?:el\\s+)?" + WEEKDAY_BEFORE_DATE + "(?<d>\\d{1,2})/(?<m>\\d{1,2})"
                    + "(?:/(?<y>\\d{4}|\\d{2}))?(?![\\p{N}/])")
            .phrase(THIS_DAYPART, List.of("esta"), START + DATE_LEAD + "(?:(?<tonight>esta\\s+noche)|esta\\s+"
                    + "(?<part>ma[ñn]ana|tarde))" + END)
            .phrase(NEAR_DAY, List.of("hoy", "mañana", "manana", "ayer", "antier"), START + DATE_LEAD + "(?:(?<today>hoy)"
                    + "|(?<dayafter>pasado\\s+ma[ñn]ana)|(?<tomorrow>" + TOMORROW + ")|(?<daybefore>anteayer|antier)"
                    + "|(?<yesterday>ayer))" + END)
            .phrase(CALENDAR_PERIOD, List.of("semana", "mes", "finde"), START + DATE_LEAD
                    + "(?:(?<nextweek>(?:la\\s+)?(?:" + NEXT + "\\s+semana|semana\\s+(?:que\\s+viene|" + NEXT + ")))"
                    + "|(?<nextweekend>(?:el\\s+)?(?:" + NEXT + "\\s+fin\\s+de\\s+semana|fin\\s+de\\s+semana\\s+que"
                    + "\\s+viene))|(?<weekend>(?:este|el)\\s+(?:fin\\s+de\\s+semana|finde))"
                    + "|(?<nextmonth>(?:el\\s+)?(?:" + NEXT + "\\s+mes|mes\\s+(?:que\\s+viene|" + NEXT + ")))"
                    + "|(?<endofmonth>(?:a\\s+)?(?:fin|finales)\\s+del?\\s+mes))" + END)
            .phrase(DAYS_AHEAD, List.of("en ", "en\t", "dentro"), START + DATE_LEAD + "(?:en|dentro\\s+de)\\s+" + COUNT
                    + "(?<unit>" + DAYS + "|" + WEEKS + "|" + MONTHS + ")" + END)
            .phrase(DAYS_AGO, List.of("hace"), START + "hace\\s+" + COUNT + "(?<unit>" + DAYS + "|" + WEEKS + "|"
                    + MONTHS + ")" + END)
            .phrase(LAST_WEEKDAY, List.of("pasado"), START + "(?:el\\s+)?(?<day>" + WEEKDAY_NAME + ")\\s+pasado" + END)
            .phrase(SEVERAL_WEEKDAYS, WEEKDAY_CUES, START + DATE_LEAD + "(?:el\\s+|los\\s+)?(?<days>"
                    + Vocabulary.severalOf(WEEKDAY_NAME, LIST_SEPARATOR) + ")")
            .phrase(WEEKDAY, WEEKDAY_CUES, START + DATE_LEAD + "(?:(?:el|este)\\s+)?(?:" + NEXT + "\\s+)?(?<day>"
                    + WEEKDAY_NAME + ")(?:\\s+(?:que\\s+viene|" + NEXT + "))?" + END)
            .phrase(DAY_OF_MONTH, DIGITS_OR_FIRST, START + DATE_LEAD + "el\\s+(?:d[ií]a\\s+)?(?<dom>" + DAY + ")" + END
                    + NOT_A_PHONE_NUMBER + "(?:\\s+del\\s+mes" + END + ")?")

            .phrase(HOUR_WITH_DAYPART, MORNING_CUES, NUMBER_START + TIME_LEAD + "(?<h>\\d{1,2})"
                    + "(?::(?<min>\\d{2})|h)?\\s+de\\s+la\\s+(?<part>ma[ñn]ana|tarde|noche)" + END)
            .phrase(COLON_TIME, COLON, NUMBER_START + TIME_LEAD + "(?<h>\\d{1,2}):(?<min>\\d{2})"
                    + "(?![\\p{L}\\p{N}_]|:\\d)")
            .phrase(H_TIME, DIGIT_THEN_H, NUMBER_START + TIME_LEAD + "(?<h>\\d{1,2})h(?<min>\\d{2})?" + END)
            .phrase(BARE_HOUR, List.of("la ", "las ", "sobre"), START + "(?:a|sobre)\\s+las?\\s+(?<h>\\d{1,2})(?:" + HOUR_END + "\\s+y\\s+"
                    + "(?<halfpast>media)" + END + "|" + Vocabulary.hourFollowedBy("con|para|y|en|o|de|por|al|a"
                    + "|punto") + ")")

            .phrase(DAYPART, MORNING_CUES, START + "(?:(?:por|en)\\s+la\\s+(?<part>"
                    + "ma[ñn]ana|tarde|noche)|(?:al\\s+|a\\s+(?:la\\s+)?)?(?<part2>mediod[ií]a|medianoche))" + END)
            .build("^que\\s+");
}
