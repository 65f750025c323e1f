package app.tdah.capture;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Micro-benchmark for "parseCapture p95 in microseconds": times single parses of the corpus texts, round-robin.
 * Not a JUnit test; run its main with the test classpath. Optional arguments: timed parses, warm-up parses.
 */
public final class CaptureParserBench {

    private CaptureParserBench() {
    }

    public static void main(String[] args) {
        int timed = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        List<CaptureEval.Case> cases = Corpus.cases();

        int sink = 0;
        for (int i = 0; i < warmUp; i++) {
            sink += parse(cases.get(i % cases.size())).title().length();
        }
        long[] nanos = new long[timed];
        for (int i = 0; i < timed; i++) {
            CaptureEval.Case c = cases.get(i % cases.size());
            long start = System.nanoTime();
            Capture capture = parse(c);
            nanos[i] = System.nanoTime() - start;
            sink += capture.title().length();
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "parseCapture over %d corpus texts, %d parses after %d warm-up:%n",
                cases.size(), timed, warmUp);
        System.out.printf(Locale.ROOT, "  p50 %.1f us  p95 %.1f us  p99 %.1f us  max %.1f us  (checksum %d)%n",
                micros(nanos, 0.50), micros(nanos, 0.95), micros(nanos, 0.99), nanos[timed - 1] / 1000.0, sink);
    }

    private static Capture parse(CaptureEval.Case c) {
        return CaptureParser.parse(c.text(), c.zone(), c.now());
    }

    private static double micros(long[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1000.0;
    }
}
