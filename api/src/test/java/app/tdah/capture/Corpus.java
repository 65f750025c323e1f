package app.tdah.capture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The capture corpora: the shared English one ({@code ../shared/data/capture-corpus.tsv}) and the repository's
 * {@code docs/capture/corpus-*.tsv}, each found by walking up from the working directory.
 */
final class Corpus {

    static final Path SHARED = Path.of("shared", "data", "capture-corpus.tsv");
    static final Path REPOSITORY = Path.of("docs", "capture");

    private Corpus() {
    }

    private static Path locate(Path relative) {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(relative);
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("capture corpus not found: no " + relative + " in " + start
                + " or any folder above it");
    }

    /** Every corpus file by name, the shared one first. */
    static Map<String, List<CaptureEval.Case>> all() {
        Map<String, List<CaptureEval.Case>> corpora = new LinkedHashMap<>();
        List<Path> files = new ArrayList<>(List.of(locate(SHARED)));
        try (Stream<Path> listing = Files.list(locate(REPOSITORY))) {
            listing.filter(file -> file.getFileName().toString().matches("corpus-.*\\.tsv")).sorted()
                    .forEach(files::add);
            for (Path file : files) {
                corpora.put(file.getFileName().toString(), CaptureEval.readCases(file));
            }
        } catch (IOException | CaptureEval.BadCorpusException e) {
            throw new IllegalStateException("cannot read the capture corpora: " + e.getMessage(), e);
        }
        return corpora;
    }

    /** The cases of every corpus. */
    static List<CaptureEval.Case> cases() {
        return all().values().stream().flatMap(List::stream).toList();
    }
}
