package app.tdah.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaptureEvalTest {

    @TempDir
    Path dir;

    private Path corpus(String content) throws IOException {
        return Files.writeString(dir.resolve("corpus.tsv"), content, StandardCharsets.UTF_8);
    }

    @Test
    void skipsTheHeaderAndBlankLinesAndReadsMissingTrailingColumnsAsEmpty() throws Exception {
        Path file = corpus("text\tnow\ttz\ttitle\tdue\tpriority\ttags\trrule\tremind\r\n"
                + "\r\n"
                + "Buy milk\t2026-03-10T09:30\tUTC\tBuy milk\r\n");

        List<CaptureEval.Case> cases = CaptureEval.readCases(file);

        assertThat(cases).singleElement().satisfies(c -> {
            assertThat(c.line()).isEqualTo(3);
            assertThat(c.text()).isEqualTo("Buy milk");
            assertThat(c.language()).isEmpty();
            assertThat(c.expected()).containsExactly("Buy milk", "", "", "", "", "", "");
        });
    }

    @Test
    void readsTheLanguageAndTheFlags() throws Exception {
        Path file = corpus("demain 17h\t2026-03-10T09:30\tEurope/Paris\t\t2026-03-11T17:00\t\t\t\t\tfr\tTITLE_MISSING\n");

        List<CaptureEval.Case> cases = CaptureEval.readCases(file);

        assertThat(cases).singleElement().satisfies(c -> {
            assertThat(c.language()).isEqualTo("fr");
            assertThat(c.expected()).containsExactly("", "2026-03-11T17:00", "", "", "", "", "TITLE_MISSING");
        });
        assertThat(CaptureEval.evaluate(cases)).isTrue();
    }

    @Test
    void rejectsALineWithTooFewColumnsOrABadZone() throws IOException {
        assertThatThrownBy(() -> CaptureEval.readCases(corpus("Buy milk\t2026-03-10T09:30\n")))
                .isInstanceOf(CaptureEval.BadCorpusException.class).hasMessageContaining("line 1");
        assertThatThrownBy(() -> CaptureEval.readCases(corpus("Buy milk\t2026-03-10T09:30\tMars/Base\n")))
                .isInstanceOf(CaptureEval.BadCorpusException.class).hasMessageContaining("line 1");
        assertThatThrownBy(() -> CaptureEval.readCases(corpus("text\tnow\ttz\n")))
                .isInstanceOf(CaptureEval.BadCorpusException.class).hasMessageContaining("no cases");
    }

    @Test
    void printsEachWrongFieldAndTheScore() throws Exception {
        List<CaptureEval.Case> cases = CaptureEval.readCases(corpus(
                "call mom tomorrow\t2026-03-10T09:30\tUTC\tcall mom\t2026-03-12\t\t\t\t\n"
                        + "Buy milk\t2026-03-10T09:30\tUTC\tBuy milk\t\t\t\t\t\n"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        boolean allCorrect;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            allCorrect = CaptureEval.evaluate(cases);
        } finally {
            System.setOut(stdout);
        }

        assertThat(allCorrect).isFalse();
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "WRONG line 1: \"call mom tomorrow\" (now 2026-03-10T09:30 UTC): "
                        + "due expected \"2026-03-12\" got \"2026-03-11\"",
                "capture: 1/2 cases correct (50.0%)");
    }
}
