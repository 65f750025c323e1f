package app.tdah.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import app.tdah.testing.RunningServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person captures tasks on the Today page and works through them in real headless Chromium: the preview, Enter to
 * save, ticking (a daily task stays with tomorrow's date), breaking a task from an earlier day into steps, snoozing,
 * an offline capture that keeps its text. Driven by the Playwright script in ui/e2e against the real server, database
 * and Redis.
 */
class BrowserCaptureTodayTest {

    private static final Path SCRIPT = Path.of("..", "ui", "e2e", "capture-today.mjs");
    private static final Path ARTIFACTS = Path.of("target", "e2e", "capture-today");

    private static RunningServer server;

    @BeforeAll
    static void start() {
        server = RunningServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void captureAndWorkThroughTodayInChromium() throws IOException, InterruptedException {
        assertThat(Path.of("/usr/bin/chromium")).as("Chromium (scripts/test installs it)").exists();
        assertThat(SCRIPT).exists();
        Files.createDirectories(ARTIFACTS);
        Path log = ARTIFACTS.resolve("capture-today.log");
        ProcessBuilder node = new ProcessBuilder("node", SCRIPT.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        node.environment().put("PA_BASE_URL", server.baseUrl());
        node.environment().put("PA_E2E_ARTIFACTS", ARTIFACTS.toAbsolutePath().toString());
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
