package app.tdah.web;

import app.tdah.testing.BrowserScript;
import app.tdah.testing.ServerExtension;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Week, Focus and Insights pages in real headless Chromium on a desktop and a phone: a task dragged to another day
 * and another moved with the keyboard (both kept after a reload), a focus session run to its end and counted in
 * insights, the notification bell, and axe-core on each page. Driven by ui/e2e/plan-focus.mjs against the real server.
 */
class BrowserPlanFocusTest {

    @RegisterExtension
    static final ServerExtension server = ServerExtension.start();

    @Test
    void planTheWeekFocusAndSeeItCounted() throws Exception {
        BrowserScript.run("plan-focus.mjs", server.baseUrl());
    }
}
