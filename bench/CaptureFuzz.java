package app.tdah.capture;

import app.tdah.i18n.ProfileLanguage;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Locale;

/**
 * The Jazzer fuzz target of bench/capture-fuzz: texts built from the words of every grammar, numbers, marks and raw
 * fuzzer strings, read in one profile language (system property {@code capture.fuzz.language}).
 *
 * <p>A finding is any exception but the documented one (blank text), or a broken promise of {@link Capture}: a blank
 * title without {@code TITLE_MISSING}, a reminder without a due, a recurrence without its first occurrence. Each parse
 * is timed (one over 1 ms again, up to 5 times, keeping the fastest); at the end it prints the percentiles and fails
 * the run when p99 is 1 ms or more.
 */
public final class CaptureFuzz {

    private CaptureFuzz() {
    }

    private static final ProfileLanguage LANGUAGE = ProfileLanguage.of(System.getProperty("capture.fuzz.language", "en"));
    private static final long P99_LIMIT_NANOS = 1_000_000;
    private static final int RETRIES = 5;

    private static final String[] WORDS = {
        // English
        "today", "tomorrow", "tmrw", "tonight", "yesterday", "day", "after", "before", "ago", "monday", "mon", "tue",
        "wed", "thursday", "fri", "sat", "sun", "every", "other", "week", "weeks", "weekday", "weekdays", "weekend",
        "month", "months", "year", "daily", "weekly", "next", "this", "last", "first", "on", "at", "@", "by", "due",
        "in", "a", "an", "half", "hour", "hours", "min", "minutes", "days", "starting", "morning", "afternoon",
        "evening", "noon", "midnight", "end", "of", "the", "each", "pm", "am", "5pm", "17:00", "9:30am", "3/14",
        "12/25/2027", "2026-02-29", "March", "Dec", "1st", "15th", "remind", "me", "to", "and", "&", "/", "urgent",
        "asap",
        // French
        "aujourd'hui", "demain", "après-demain", "apres-demain", "hier", "avant-hier", "ce", "cet", "cette", "soir",
        "matin", "après-midi", "nuit", "lundi", "mardis", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
        "prochain", "dernier", "tous", "toutes", "les", "chaque", "jours", "semaines", "semaine", "mois", "ans",
        "en", "le", "la", "du", "de", "d'", "l'", "à", "partir", "dès", "dans", "il", "y", "une", "demi-heure",
        "heures", "17h", "17h30", "1h30", "midi", "minuit", "premier", "1er", "mars", "août", "rappelle-moi",
        "avant", "pour", "d'ici", "fin", "et", "urgente", "15/03", "quotidiennement",
        // Spanish
        "hoy", "mañana", "manana", "MAÑANA", "pasado", "ayer", "anteayer", "esta", "noche", "tarde", "por", "el",
        "los", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo", "próximo", "que", "viene",
        "cada", "todos", "todas", "días", "semana", "mes", "meses", "año", "entre", "laborables", "a", "las",
        "media", "mediodía", "medianoche", "dentro", "hace", "hora", "primer", "último", "primero", "marzo",
        "recuérdame", "antes", "para", "desde", "finde", "a diario",
        // marks
        "#", "#tag", "!", "!!", "!!!", "!high", ",", ".", ";", ":", "-", "'", "’", "🎉", "\u00A0", "\t", "İ", "ß"};
    private static final String[] ZONES = {"America/Montreal", "Europe/Paris", "Europe/Madrid", "UTC",
        "America/Mexico_City", "Pacific/Apia", "Australia/Lord_Howe", "America/Sao_Paulo"};
    /** 1970 to 2100: far enough on either side for leap years, DST rule changes and year ends. */
    private static final long MIN_EPOCH_SECOND = 0;
    private static final long MAX_EPOCH_SECOND = 4_102_444_800L;

    private static long[] nanos = new long[1 << 20];
    private static int count;
    private static long slowest;
    private static String slowestText = "";

    public static void fuzzerTestOneInput(FuzzedDataProvider data) {
        ZoneId zone = ZoneId.of(data.pickValue(ZONES));
        ZonedDateTime now = Instant.ofEpochSecond(data.consumeLong(MIN_EPOCH_SECOND, MAX_EPOCH_SECOND)).atZone(zone);
        String text = text(data);

        if (text.isBlank()) {
            try {
                CaptureParser.parse(text, zone, now, LANGUAGE);
            } catch (IllegalArgumentException expected) {
                return;
            }
            throw new IllegalStateException("a blank text was read");
        }
        long start = System.nanoTime();
        Capture capture = CaptureParser.parse(text, zone, now, LANGUAGE);
        long elapsed = System.nanoTime() - start;
        // A pause of the machine (GC, JIT, another process) is not the input's doing: an input over the limit is
        // timed again, and its fastest run counts. A slow input (a regex that backtracks) is slow every time.
        for (int retry = 0; retry < RETRIES && elapsed >= P99_LIMIT_NANOS; retry++) {
            long again = System.nanoTime();
            CaptureParser.parse(text, zone, now, LANGUAGE);
            elapsed = Math.min(elapsed, System.nanoTime() - again);
        }
        record(elapsed, text);
        check(capture, text);
    }

    private static String text(FuzzedDataProvider data) {
        if (data.consumeBoolean()) {
            return data.consumeRemainingAsString();
        }
        StringBuilder text = new StringBuilder();
        int pieces = data.consumeInt(1, 40);
        for (int i = 0; i < pieces && data.remainingBytes() > 0; i++) {
            switch (data.consumeInt(0, 5)) {
                case 0, 1, 2 -> text.append(data.pickValue(WORDS));
                case 3 -> text.append(data.consumeInt(0, 2100));
                case 4 -> text.append(data.consumeString(12));
                default -> text.append(data.pickValue(WORDS)).append(data.consumeInt(0, 99));
            }
            text.append(data.consumeBoolean() ? " " : data.pickValue(new String[] {"", ",", "  ", "/", ":"}));
        }
        return text.toString();
    }

    private static void check(Capture capture, String text) {
        boolean missing = capture.flags().contains(Capture.Flag.TITLE_MISSING);
        if (capture.title().isBlank() != missing) {
            throw new IllegalStateException("title \"" + capture.title() + "\" and flags " + capture.flags()
                    + " disagree for " + text);
        }
        if (!capture.title().equals(capture.title().strip())) {
            throw new IllegalStateException("untrimmed title \"" + capture.title() + "\" for " + text);
        }
        if (capture.remindAt() != null && capture.due() == null) {
            throw new IllegalStateException("a reminder without a due for " + text);
        }
        if (capture.rrule() != null && capture.due() == null) {
            throw new IllegalStateException("a recurrence without a first occurrence for " + text);
        }
    }

    private static void record(long elapsed, String text) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, nanos.length * 2);
        }
        nanos[count++] = elapsed;
        if (elapsed > slowest) {
            slowest = elapsed;
            slowestText = text;
        }
    }

    public static void fuzzerTearDown() {
        if (count == 0) {
            return;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        long p99 = percentile(sorted, 0.99);
        System.err.printf(Locale.ROOT, "capture-fuzz %s: %d parses, p50 %.1f us, p99 %.1f us, p99.9 %.1f us, max %.1f us"
                        + " (%d chars: %s)%n", LANGUAGE.code(), count, percentile(sorted, 0.50) / 1000.0, p99 / 1000.0,
                percentile(sorted, 0.999) / 1000.0, slowest / 1000.0, slowestText.length(),
                abbreviate(slowestText));
        System.err.flush();
        if (p99 >= P99_LIMIT_NANOS) {
            System.err.printf(Locale.ROOT, "capture-fuzz %s: p99 %.1f us is over the 1 ms limit%n", LANGUAGE.code(),
                    p99 / 1000.0);
            System.err.flush();
            Runtime.getRuntime().halt(3);
        }
    }

    private static long percentile(long[] sorted, double quantile) {
        return sorted[Math.max(0, (int) Math.ceil(quantile * sorted.length) - 1)];
    }

    private static String abbreviate(String text) {
        String visible = text.replaceAll("\\p{Cntrl}", "?");
        return visible.length() <= 120 ? visible : visible.substring(0, 120) + "...";
    }
}
