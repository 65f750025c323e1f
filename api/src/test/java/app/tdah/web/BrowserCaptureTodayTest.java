package app.tdah.web;

import app.tdah.testing.BrowserScript;
import app.tdah.testing.ServerExtension;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A person captures tasks on the Today page and works through them in real headless Chromium: the preview, Enter to
 * save, ticking (a daily task stays with tomorrow's date), breaking a task from an earlier day into steps, snoozing,
 * an offline capture that keeps its text. Driven by the Playwright script in ui/e2e against the real server.
 */
class BrowserCaptureTodayTest {

    @RegisterExtension
    static final ServerExtension server = ServerExtension.start();

    @Test
    void captureAndWorkThroughTodayInChromium() throws Exception {
        BrowserScript.run("capture-today.mjs", server.baseUrl());
    }
}
