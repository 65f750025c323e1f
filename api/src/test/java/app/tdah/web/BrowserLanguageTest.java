package app.tdah.web;

import java.util.Map;

import app.tdah.testing.BrowserScript;
import app.tdah.testing.ServerExtension;
import app.tdah.testing.TestMailbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The app in the person's language, in real headless Chromium against the real server: Français then Español chosen
 * in Settings (the menu, Today and its date, a userError of the server), and a sign-up from a French browser that
 * creates a French account, whose verification mail GreenMail receives in French. Driven by ui/e2e/language.mjs.
 */
class BrowserLanguageTest {

    @RegisterExtension
    static final TestMailbox mailbox = TestMailbox.start();

    @RegisterExtension
    static final ServerExtension server = ServerExtension.start(mailbox.serverSettings());

    @Test
    void theAppFollowsTheLanguageChosenInSettingsAndTheBrowsersAtSignUpInChromium() throws Exception {
        BrowserScript.run("language.mjs", server.baseUrl(), Map.of(), BrowserLanguageTest::answer);
    }

    /** Answers "mail-subject RECIPIENT SUBJECT" with the subject of the next such mail (it fails when none comes). */
    private static String answer(String question) {
        String[] words = question.split(" ", 3);
        if (words.length < 3 || !words[0].equals("mail-subject")) {
            throw new IllegalArgumentException("Unknown question: " + question);
        }
        return mailbox.next(server, words[1], words[2]).subject();
    }
}
