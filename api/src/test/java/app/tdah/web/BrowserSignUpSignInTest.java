package app.tdah.web;

import app.tdah.testing.BrowserScript;
import app.tdah.testing.ServerExtension;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A person signs up, reloads, signs out and signs in again in real headless Chromium, driven by the Playwright script
 * in ui/e2e against the real server, database and Redis.
 */
class BrowserSignUpSignInTest {

    @RegisterExtension
    static final ServerExtension server = ServerExtension.start();

    @Test
    void signUpReloadSignOutAndSignInInChromium() throws Exception {
        BrowserScript.run("signup-signin.mjs", server.baseUrl());
    }
}
