package app.tdah.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs one Playwright script from ui/e2e (playwright-core driving /usr/bin/chromium headless) against a running
 * server, with screenshots in target/e2e/NAME, and fails with the script's output when it fails.
 */
public final class BrowserScript {

    private BrowserScript() {
    }

    public static void run(String script, String baseUrl) throws IOException, InterruptedException {
        Path source = Path.of("..", "ui", "e2e", script);
        String name = script.replace(".mjs", "");
        Path artifacts = Path.of("target", "e2e", name);
        assertThat(Path.of("/usr/bin/chromium")).as("Chromium (scripts/test installs it)").exists();
        assertThat(source).exists();
        Files.createDirectories(artifacts);
        Path log = artifacts.resolve(name + ".log");
        ProcessBuilder node = new ProcessBuilder("node", source.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        node.environment().put("PA_BASE_URL", baseUrl);
        node.environment().put("PA_E2E_ARTIFACTS", artifacts.toAbsolutePath().toString());
        Process process = node.start();
        boolean finished = process.waitFor(3, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(log);
        assertThat(finished).as("the browser test finished in time; output:%n%s", output).isTrue();
        assertThat(process.exitValue()).as("browser test output:%n%s", output).isZero();
    }
}
