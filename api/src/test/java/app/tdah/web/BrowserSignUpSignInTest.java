package app.tdah.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import app.tdah.testing.ServerExtension;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person signs up, reloads, signs out and signs in again in real headless Chromium, driven by the Playwright script
 * in ui/e2e against the real server, database and Redis.
 */
class BrowserSignUpSignInTest {

    private static final Path SCRIPT = Path.of("..", "ui", "e2e", "signup-signin.mjs");
    private static final Path ARTIFACTS = Path.of("target", "e2e");

    @RegisterExtension
    static final ServerExtension server = ServerExtension.start();

    @Test
    void signUpReloadSignOutAndSignInInChromium() throws IOException, InterruptedException {
        assertThat(Path.of("/usr/bin/chromium")).as("Chromium (scripts/test installs it)").exists();
        assertThat(SCRIPT).exists();
        Files.createDirectories(ARTIFACTS);
        Path log = ARTIFACTS.resolve("signup-signin.log");
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
