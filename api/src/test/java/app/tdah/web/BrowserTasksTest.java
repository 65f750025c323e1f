package app.tdah.web;

import app.tdah.testing.BrowserScript;
import app.tdah.testing.ServerExtension;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole web app as a new person meets it, in real headless Chromium on a desktop and a phone: eight captures all
 * findable on the Tasks page after a reload, a due and a repeat rule edited in the task panel, snooze and wake, delete
 * and done with Undo, filters and keyboard shortcuts, "not available" for /admin, the French UI, compressed static
 * files, and axe-core on every page. Driven by ui/e2e/tasks.mjs against the real server.
 */
class BrowserTasksTest {

    @RegisterExtension
    static final ServerExtension server = ServerExtension.start();

    @Test
    void theWholeWebAppOnADesktopAndAPhone() throws Exception {
        BrowserScript.run("tasks.mjs", server.baseUrl());
    }
}
