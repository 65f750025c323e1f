package app.tdah.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs one Playwright script from ui/e2e (playwright-core driving /usr/bin/chromium headless) against a running
 * server, with screenshots in target/e2e/NAME, and fails with the script's output when it fails.
 *
 * <p>A script can ask the test for what only the test knows (the link in a mail GreenMail received): it prints a line
 * {@code [ask] QUESTION} and reads the answer, one line, on its standard input (see ui/e2e/lib.mjs {@code askTest}).
 */
public final class BrowserScript {

    private static final String ASK = "[ask] ";

    private BrowserScript() {
    }

    public static void run(String script, String baseUrl) throws IOException, InterruptedException {
        run(script, baseUrl, Map.of());
    }

    /** Runs the script with extra environment variables ({@code PA_E2E_...}), for a script that asks nothing. */
    public static void run(String script, String baseUrl, Map<String, String> environment)
            throws IOException, InterruptedException {
        run(script, baseUrl, environment, question -> {
            throw new AssertionError("The script asked \"" + question + "\", which this test does not answer");
        });
    }

    /**
     * Runs the script with extra environment variables ({@code PA_E2E_...}); {@code answers} answers each question the
     * script asks (on the thread reading its output).
     */
    public static void run(String script, String baseUrl, Map<String, String> environment, Function<String, String> answers)
            throws IOException, InterruptedException {
        Path source = Path.of("..", "ui", "e2e", script);
        String name = script.replace(".mjs", "");
        Path artifacts = Path.of("target", "e2e", name);
        assertThat(Path.of("/usr/bin/chromium")).as("Chromium (scripts/test installs it)").exists();
        assertThat(source).exists();
        Files.createDirectories(artifacts);
        Path log = artifacts.resolve(name + ".log");
        ProcessBuilder node = new ProcessBuilder("node", source.toString()).redirectErrorStream(true);
        node.environment().putAll(environment);
        node.environment().put("PA_BASE_URL", baseUrl);
        node.environment().put("PA_E2E_ARTIFACTS", artifacts.toAbsolutePath().toString());
        Process process = node.start();
        CompletableFuture<Void> conversation = CompletableFuture.runAsync(() -> converse(process, log, answers));
        boolean finished = process.waitFor(3, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        conversation.exceptionally(e -> null).join();
        String output = Files.readString(log);
        assertThat(finished).as("the browser test finished in time; output:%n%s", output).isTrue();
        assertThat(process.exitValue()).as("browser test output:%n%s", output).isZero();
    }

    /** Copies the script's output to the log, answering each {@code [ask]} line on its standard input. */
    private static void converse(Process process, Path log, Function<String, String> answers) {
        try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             Writer file = Files.newBufferedWriter(log, StandardCharsets.UTF_8);
             PrintWriter input = new PrintWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), true)) {
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                file.write(line + System.lineSeparator());
                file.flush();
                if (line.startsWith(ASK)) {
                    String answer;
                    try {
                        answer = answers.apply(line.substring(ASK.length()));
                    } catch (RuntimeException | AssertionError e) {
                        file.write("[test] could not answer: " + e.getMessage() + System.lineSeparator());
                        answer = "";
                    }
                    input.println(answer);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
