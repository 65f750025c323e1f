package app.tdah.capture;

import app.tdah.i18n.ProfileLanguage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs the capture parser over a corpus file and reports the cases it gets wrong.
 *
 * <p>The corpus is tab-separated, one case a line:
 * {@code text now tz title due priority tags rrule remind lang flags}, with {@code now} local to {@code tz} and an
 * empty column meaning empty; {@code lang} is the person's profile language (empty: {@code en}). Trailing columns may
 * be left out. A header line starting {@code text<TAB>now} is skipped, as are blank lines. Exit code: 0 all correct,
 * 1 some wrong, 2 bad arguments or file.
 */
public final class CaptureEval {

    private static final String[] FIELDS = {"title", "due", "priority", "tags", "rrule", "remind", "flags"};
    /** text, now, tz, the six fields the parser reads, lang, flags. */
    private static final int COLUMNS = 11;
    private static final int LANG = 9;

    private CaptureEval() {
    }

    /** One corpus line: the input, the profile language, and the expected fields in {@link #FIELDS} order. */
    record Case(int line, String text, ZoneId zone, ZonedDateTime now, String language, List<String> expected) {
    }

    static final class BadCorpusException extends Exception {
        private static final long serialVersionUID = 1L;

        BadCorpusException(String message) {
            super(message);
        }
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: CaptureEval CORPUS.tsv");
            System.exit(2);
        }
        List<Case> cases;
        try {
            cases = readCases(Path.of(args[0]));
        } catch (IOException e) {
            System.err.println("capture-eval: cannot read " + args[0] + ": " + e);
            System.exit(2);
            return;
        } catch (BadCorpusException | RuntimeException e) {
            System.err.println("capture-eval: " + args[0] + ": " + e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(evaluate(cases) ? 0 : 1);
    }

    /** Prints a line for each wrong case, then the score; true when every case is correct. */
    static boolean evaluate(List<Case> cases) {
        int correct = 0;
        for (Case c : cases) {
            String differences = differences(c);
            if (differences.isEmpty()) {
                correct++;
            } else {
                System.out.printf("WRONG line %d: \"%s\" (now %s %s%s): %s%n", c.line(), c.text(),
                        Due.DATE_TIME.format(c.now()), c.zone(), c.language().isEmpty() ? "" : ", " + c.language(),
                        differences);
            }
        }
        double percent = 100.0 * correct / cases.size();
        System.out.printf(Locale.ROOT, "capture: %d/%d cases correct (%.1f%%)%n", correct, cases.size(), percent);
        return correct == cases.size();
    }

    private static String differences(Case c) {
        List<String> actual;
        try {
            actual = fields(CaptureParser.parse(c.text(), c.zone(), c.now(), ProfileLanguage.of(c.language())));
        } catch (RuntimeException e) {
            return "the parser threw " + e;
        }
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < FIELDS.length; i++) {
            if (!c.expected().get(i).equals(actual.get(i))) {
                differences.add("%s expected \"%s\" got \"%s\"".formatted(FIELDS[i], c.expected().get(i),
                        actual.get(i)));
            }
        }
        return String.join("; ", differences);
    }

    static List<String> fields(Capture capture) {
        return List.of(capture.title(), capture.dueText(), capture.priorityText(), capture.tagsText(),
                capture.rruleText(), capture.remindText(), capture.flagsText());
    }

    static List<Case> readCases(Path file) throws IOException, BadCorpusException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = stripLineEnd(lines.get(i), i == 0);
            if (line.isBlank() || (cases.isEmpty() && isHeader(line))) {
                continue;
            }
            cases.add(parseCase(i + 1, line));
        }
        if (cases.isEmpty()) {
            throw new BadCorpusException("no cases in the file");
        }
        return cases;
    }

    private static String stripLineEnd(String line, boolean firstLine) {
        String stripped = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        return firstLine && stripped.startsWith("\uFEFF") ? stripped.substring(1) : stripped;
    }

    private static boolean isHeader(String line) {
        return line.toLowerCase(Locale.ROOT).startsWith("text\tnow\t");
    }

    static Case parseCase(int lineNumber, String line) throws BadCorpusException {
        String[] columns = line.split("\t", -1);
        if (columns.length < 3 || columns.length > COLUMNS) {
            throw new BadCorpusException("line %d: expected %d tab-separated columns, found %d"
                    .formatted(lineNumber, COLUMNS, columns.length));
        }
        try {
            ZoneId zone = ZoneId.of(columns[2].strip());
            ZonedDateTime now = LocalDateTime.parse(columns[1].strip()).atZone(zone);
            List<String> expected = new ArrayList<>();
            for (int i = 3; i < COLUMNS; i++) {
                if (i != LANG) {
                    expected.add(i < columns.length ? columns[i] : "");
                }
            }
            String language = LANG < columns.length ? columns[LANG].strip() : "";
            return new Case(lineNumber, columns[0], zone, now, language, List.copyOf(expected));
        } catch (DateTimeException e) {
            throw new BadCorpusException("line %d: bad now or tz (%s)".formatted(lineNumber, e.getMessage()));
        }
    }
}
