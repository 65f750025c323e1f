package app.tdah.web;

import app.tdah.testing.BrowserScript;
import app.tdah.testing.ServerExtension;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A person sets up two-step sign-in on the Settings page in real headless Chromium (the script computes the codes
 * from the key the page shows, as an authenticator app would), then signs out and in again with a code. Driven by
 * ui/e2e/mfa.mjs against the real server, database and Redis.
 */
class BrowserMfaTest {

    @RegisterExtension
    static final ServerExtension server = ServerExtension.start();

    @Test
    void setUpTwoStepSignInThenSignInWithACodeInChromium() throws Exception {
        BrowserScript.run("mfa.mjs", server.baseUrl());
    }
}
