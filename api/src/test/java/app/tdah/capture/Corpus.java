package app.tdah.capture;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The shared capture corpus, found by walking up from the working directory to a {@code shared/data} folder. */
final class Corpus {

    static final Path RELATIVE = Path.of("shared", "data", "capture-corpus.tsv");

    private Corpus() {
    }

    static Path locate() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(RELATIVE);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("capture corpus not found: no " + RELATIVE + " in " + start
                + " or any folder above it (the repository expects it at ../shared/data/capture-corpus.tsv)");
    }

    static List<CaptureEval.Case> cases() {
        try {
            return CaptureEval.readCases(locate());
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the capture corpus: " + e.getMessage(), e);
        }
    }
}
