package app.tdah.web;

import app.tdah.testing.BrowserScript;
import app.tdah.testing.ServerExtension;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A person changes their preferences on the Settings page in real headless Chromium and finds them kept after a
 * reload. Driven by the Playwright script ui/e2e/settings.mjs against the real server, database and Redis.
 */
class BrowserSettingsTest {

    @RegisterExtension
    static final ServerExtension server = ServerExtension.start();

    @Test
    void preferencesAreKeptAfterAReloadInChromium() throws Exception {
        BrowserScript.run("settings.mjs", server.baseUrl());
    }
}
