package app.tdah.capture;

import app.tdah.i18n.ProfileLanguage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Micro-benchmark for "parseCapture p99 under 100 µs in each language": times single parses of every corpus text,
 * round-robin, grouped by the grammar that reads them (English: the shared corpus and corpus-en.tsv). Not a JUnit
 * test; run its main with the test classpath. Optional arguments: timed parses per language, warm-up parses.
 *
 * <p>Each parse is timed twice: wall-clock, and the CPU time of the parsing thread. On a shared machine the wall
 * clock also counts the time the thread waited for a core; the CPU time is the parser's own cost, and the target is
 * checked on it. The load average is printed with the figures.
 */
public final class CaptureParserBench {

    private static final double TARGET_P99_MICROS = 100;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CaptureParserBench() {
    }

    public static void main(String[] args) {
        int timed = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        Map<String, List<CaptureEval.Case>> byLanguage = Corpus.cases().stream().collect(Collectors.groupingBy(
                c -> ProfileLanguage.of(c.language()).code(), TreeMap::new, Collectors.toList()));

        System.out.printf(Locale.ROOT, "load average %.2f on %d cores%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        boolean allUnderTarget = true;
        for (Map.Entry<String, List<CaptureEval.Case>> language : byLanguage.entrySet()) {
            allUnderTarget &= measure(language.getKey(), language.getValue(), timed, warmUp);
        }
        System.exit(allUnderTarget ? 0 : 1);
    }

    /** Prints the percentiles of one language; true when its p99 is under the target. */
    private static boolean measure(String language, List<CaptureEval.Case> cases, int timed, int warmUp) {
        int sink = 0;
        for (int i = 0; i < warmUp; i++) {
            sink += parse(cases.get(i % cases.size())).title().length();
        }
        long[] wall = new long[timed];
        long[] cpu = new long[timed];
        for (int i = 0; i < timed; i++) {
            CaptureEval.Case c = cases.get(i % cases.size());
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            Capture capture = parse(c);
            wall[i] = System.nanoTime() - start;
            cpu[i] = THREADS.getCurrentThreadCpuTime() - cpuStart;
            sink += capture.title().length();
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        double p99 = micros(cpu, 0.99);
        System.out.printf(Locale.ROOT, "parseCapture %s: %d corpus texts, %d parses after %d warm-up (checksum %d)%n",
                language, cases.size(), timed, warmUp, sink);
        System.out.printf(Locale.ROOT, "  wall  %s%n  cpu   %s%s%n", percentiles(wall), percentiles(cpu),
                p99 < TARGET_P99_MICROS ? "" : "  OVER the 100 us target");
        return p99 < TARGET_P99_MICROS;
    }

    private static String percentiles(long[] sorted) {
        return String.format(Locale.ROOT, "p50 %.1f us  p95 %.1f us  p99 %.1f us  max %.1f us", micros(sorted, 0.50),
                micros(sorted, 0.95), micros(sorted, 0.99), sorted[sorted.length - 1] / 1000.0);
    }

    private static Capture parse(CaptureEval.Case c) {
        return CaptureParser.parse(c.text(), c.zone(), c.now(), ProfileLanguage.of(c.language()));
    }

    private static double micros(long[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1000.0;
    }
}
