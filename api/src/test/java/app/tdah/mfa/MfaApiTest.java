package app.tdah.mfa;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import app.tdah.testing.GraphQlClient;
import app.tdah.testing.MovableClock;
import app.tdah.testing.ServerExtension;
import app.tdah.testing.TestAccounts;
import app.tdah.testing.TestSql;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TOTP multi-factor authentication through the running server, real PostgreSQL and Redis. The server's clock stands
 * still until a test moves it, so the code of any moment is known exactly.
 */
class MfaApiTest {

    private static final String PASSWORD = "correct-horse-battery-42";
    /** Ten seconds into a 30-second step, near the real time (refresh tokens expire by the database's clock). */
    private static final MovableClock clock = new MovableClock(
            Instant.ofEpochSecond(Math.floorDiv(Instant.now().getEpochSecond(), 30) * 30 + 10));

    // No growing waits between failures, so a test reaches the lock quickly; the waits are LoginThrottleTest's.
    @RegisterExtension
    static final ServerExtension server = ServerExtension.start(Map.of("pa.auth.delay.millis", "0"), clock);

    private static final String LOGIN = """
            mutation L($i: LoginInput!) { login(input: $i) { accessToken mfaChallenge user { email } userErrors { code message } } }""";
    private static final String VERIFY = """
            mutation V($i: VerifyMfaInput!) {
              verifyMfa(input: $i) { accessToken accessTokenExpiresAt user { email mfaEnabled } userErrors { field code message } }
            }""";
    private static final String ME = "{ me { email mfaEnabled } }";

    /** A fresh browser that signs in with the password and gets the challenge. */
    private record PendingSignIn(GraphQlClient browser, String challenge) {
        JsonNode verify(String code) {
            return browser.execute(VERIFY, Map.of("i", Map.of("challenge", challenge, "code", code))).data("verifyMfa");
        }
    }

    private static PendingSignIn login(String email) {
        GraphQlClient browser = new GraphQlClient(server.baseUrl());
        JsonNode payload = browser.execute(LOGIN, Map.of("i", Map.of("email", email, "password", PASSWORD))).data("login");
        assertThat(payload.path("userErrors")).as("login errors").isEmpty();
        assertThat(payload.path("accessToken").isNull()).as("no token before the second factor").isTrue();
        assertThat(browser.refreshCookie()).as("no refresh cookie before the second factor").isEmpty();
        assertThat(payload.path("mfaChallenge").asText()).isNotBlank();
        return new PendingSignIn(browser, payload.path("mfaChallenge").asText());
    }

    /**
     * A signed-up person with MFA on, confirmed with the current step's code; the clock then moves two steps on, so
     * that no code of the window around the new now has been used.
     */
    private static Enrolled enrolled() {
        TestAccounts.SignedUp person = TestAccounts.signUp(server.baseUrl(), "UTC");
        AuthenticatorApp app = AuthenticatorApp.enrol(person.client(), clock.instant());
        clock.advance(Duration.ofSeconds(2 * Totp.STEP_SECONDS));
        return new Enrolled(person, app);
    }

    private record Enrolled(TestAccounts.SignedUp person, AuthenticatorApp app) {
        String email() {
            return person.email();
        }
    }

    private static long auditCount(String action, String email) {
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            return sql.value(Long.class, "SELECT count(*) FROM audit_events WHERE action = ? AND subject_id = ?",
                    action, sql.userId(email));
        }
    }

    private static String firstErrorCode(JsonNode payload) {
        return payload.path("userErrors").path(0).path("code").asText();
    }

    @Test
    void enrolmentGivesAnOtpauthUriAndItsQrCodeAndAFirstCodeConfirmsIt() throws Exception {
        TestAccounts.SignedUp person = TestAccounts.signUp(server.baseUrl(), "UTC");
        GraphQlClient client = person.client();
        JsonNode started = client.execute(AuthenticatorApp.START).data("startMfaEnrolment");

        String uri = started.path("otpauthUri").asText();
        String key = started.path("manualEntryKey").asText();
        assertThat(uri).startsWith("otpauth://totp/Personal%20Assistant:"
                + URLEncoder.encode(person.email(), StandardCharsets.UTF_8) + "?secret=" + key + "&");
        assertThat(uri).contains("&issuer=Personal%20Assistant").contains("algorithm=SHA1").contains("digits=6").contains("period=30");
        assertThat(key).matches("[A-Z2-7]{32}");
        String png = started.path("qrCodePng").asText();
        assertThat(png).startsWith("data:image/png;base64,");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(png.substring(png.indexOf(',') + 1))));
        String scanned = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)))).getText();
        assertThat(scanned).isEqualTo(uri);
        assertThat(client.execute(ME).data("me").path("mfaEnabled").asBoolean()).as("pending until confirmed").isFalse();

        byte[] secret = AuthenticatorApp.secretOf(uri);
        String wrong = differentCode(new AuthenticatorApp(secret, List.of()), clock.instant());
        JsonNode refused = client.execute(AuthenticatorApp.CONFIRM, Map.of("i", Map.of("code", wrong))).data("confirmMfaEnrolment");
        assertThat(refused.path("userErrors").path(0).path("field").asText()).isEqualTo("code");
        assertThat(refused.path("backupCodes").isNull()).isTrue();

        JsonNode confirmed = client.execute(AuthenticatorApp.CONFIRM,
                Map.of("i", Map.of("code", Totp.code(secret, Totp.step(clock.instant()))))).data("confirmMfaEnrolment");
        assertThat(confirmed.path("userErrors")).isEmpty();
        assertThat(confirmed.path("user").path("mfaEnabled").asBoolean()).isTrue();
        HashSet<String> codes = new HashSet<>();
        confirmed.path("backupCodes").forEach(code -> codes.add(code.asText()));
        // 24 characters of a 32-letter alphabet: 120 bits each.
        assertThat(codes).hasSize(10).allSatisfy(code -> assertThat(code).matches("[0-9a-hjkmnp-tv-z]{4}(-[0-9a-hjkmnp-tv-z]{4}){5}"));
        assertThat(client.execute(ME).data("me").path("mfaEnabled").asBoolean()).isTrue();
        assertThat(auditCount("mfa_enrolled", person.email())).isEqualTo(1);
        assertThat(auditCount("mfa_failed", person.email())).as("the wrong first code").isEqualTo(1);

        JsonNode again = client.execute(AuthenticatorApp.START).data("startMfaEnrolment");
        assertThat(firstErrorCode(again)).isEqualTo("ALREADY_EXISTS");
        assertThat(again.path("otpauthUri").isNull()).isTrue();
    }

    @Test
    void theSecretIsStoredEncryptedAndTheBackupCodesOnlyAsHashes() {
        TestAccounts.SignedUp person = TestAccounts.signUp(server.baseUrl(), "UTC");
        JsonNode started = person.client().execute(AuthenticatorApp.START).data("startMfaEnrolment");
        String key = started.path("manualEntryKey").asText();
        byte[] secret = AuthenticatorApp.secretOf(started.path("otpauthUri").asText());
        JsonNode confirmed = person.client().execute(AuthenticatorApp.CONFIRM,
                Map.of("i", Map.of("code", Totp.code(secret, Totp.step(clock.instant()))))).data("confirmMfaEnrolment");
        clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            UUID id = sql.userId(person.email());
            byte[] stored = sql.value(byte[].class, "SELECT secret_sealed FROM mfa_authenticators WHERE user_id = ?", id);
            String storedText = new String(stored, StandardCharsets.ISO_8859_1);
            assertThat(storedText).doesNotContain(key).doesNotContain(key.substring(0, 8))
                    .doesNotContain(new String(secret, StandardCharsets.ISO_8859_1));
            // format byte, key id length and id ("k1"), nonce, the 20-byte secret encrypted, tag
            assertThat(stored).hasSize(1 + 1 + 2 + 12 + 20 + 16);
            for (JsonNode code : confirmed.path("backupCodes")) {
                String plain = code.asText().replace("-", "");
                assertThat(sql.value(Long.class, "SELECT count(*) FROM mfa_backup_codes WHERE user_id = ? "
                        + "AND position(convert_to(?, 'UTF8') IN code_hash) > 0", id, plain)).isZero();
            }
            assertThat(sql.value(Long.class, "SELECT count(*) FROM mfa_backup_codes WHERE user_id = ? AND octet_length(code_hash) = 32", id))
                    .isEqualTo(10);
            assertThat(sql.value(Long.class, "SELECT count(*) FROM audit_events WHERE subject_id = ? AND details::text LIKE ?",
                    id, "%" + key + "%")).as("no secret in the audit trail").isZero();
        }
    }

    @Test
    void loginAnswersAChallengeAndVerifyMfaWithTheRightCodeSignsIn() {
        Enrolled enrolled = enrolled();
        PendingSignIn pending = login(enrolled.email());
        assertThat(auditCount("mfa_challenge_issued", enrolled.email())).isEqualTo(1);

        JsonNode verified = pending.verify(enrolled.app().code(clock.instant(), 0));
        assertThat(verified.path("userErrors")).isEmpty();
        assertThat(verified.path("accessToken").asText()).isNotBlank();
        assertThat(verified.path("user").path("email").asText()).isEqualTo(enrolled.email());
        assertThat(pending.browser().refreshCookie()).as("the refresh cookie is set as login sets it").isPresent();
        pending.browser().useAccessToken(verified.path("accessToken").asText());
        assertThat(pending.browser().execute(ME).data("me").path("email").asText()).isEqualTo(enrolled.email());
        assertThat(pending.browser().execute("mutation { refreshSession { accessToken userErrors { code } } }")
                .data("refreshSession").path("accessToken").asText()).isNotBlank();
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            assertThat(sql.value(String.class, "SELECT details->>'factor' FROM audit_events WHERE action = 'sign_in' "
                    + "AND subject_id = ? ORDER BY id DESC LIMIT 1", sql.userId(enrolled.email()))).isEqualTo("totp");
        }

        clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
        JsonNode reused = pending.verify(enrolled.app().code(clock.instant(), 0));
        assertThat(reused.path("accessToken").isNull()).as("a challenge works once").isTrue();
        assertThat(firstErrorCode(reused)).isEqualTo("NOT_AUTHENTICATED");
    }

    @Test
    void aWrongCodeIsAUserErrorThatIsAuditedAndTheChallengeStillTakesTheRightOne() {
        Enrolled enrolled = enrolled();
        PendingSignIn pending = login(enrolled.email());
        JsonNode refused = pending.verify(differentCode(enrolled.app(), clock.instant()));
        assertThat(refused.path("accessToken").isNull()).isTrue();
        assertThat(refused.path("userErrors").path(0).path("field").asText()).isEqualTo("code");
        assertThat(firstErrorCode(refused)).isEqualTo("INVALID_CREDENTIALS");
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            assertThat(sql.value(String.class, "SELECT details->>'reason' FROM audit_events WHERE action = 'mfa_failed' "
                    + "AND outcome = 'failure' AND subject_id = ?", sql.userId(enrolled.email()))).isEqualTo("wrong_code");
        }
        assertThat(pending.verify("not a code at all").path("accessToken").isNull()).isTrue();

        assertThat(pending.verify(enrolled.app().code(clock.instant(), 0)).path("accessToken").asText()).isNotBlank();
    }

    @Test
    void aCodeWorksOnceAndNoOlderCodeWorksAfterIt() {
        Enrolled enrolled = enrolled();
        String code = enrolled.app().code(clock.instant(), 0);
        assertThat(login(enrolled.email()).verify(code).path("accessToken").asText()).isNotBlank();

        PendingSignIn replay = login(enrolled.email());
        JsonNode replayed = replay.verify(code);
        assertThat(replayed.path("accessToken").isNull()).isTrue();
        assertThat(firstErrorCode(replayed)).isEqualTo("INVALID_CREDENTIALS");
        assertThat(replay.verify(enrolled.app().code(clock.instant(), -1)).path("accessToken").isNull())
                .as("the previous step's code, still within the window, is older than the one used").isTrue();
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            assertThat(sql.value(Long.class, "SELECT count(*) FROM audit_events WHERE action = 'mfa_failed' "
                    + "AND details->>'reason' = 'replayed_code' AND subject_id = ?", sql.userId(enrolled.email()))).isEqualTo(2);
        }

        clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
        assertThat(replay.verify(enrolled.app().code(clock.instant(), 0)).path("accessToken").asText())
                .as("the next step's code").isNotBlank();
    }

    @Test
    void codesOneStepFromNowAreAcceptedAndTwoStepsAreNot() {
        Enrolled enrolled = enrolled();
        Instant now = clock.instant();
        PendingSignIn pending = login(enrolled.email());
        assertThat(pending.verify(enrolled.app().code(now, -2)).path("accessToken").isNull()).isTrue();
        assertThat(pending.verify(enrolled.app().code(now, 2)).path("accessToken").isNull()).isTrue();
        assertThat(pending.verify(enrolled.app().code(now, -1)).path("accessToken").asText()).as("one step behind").isNotBlank();
        assertThat(login(enrolled.email()).verify(enrolled.app().code(now, 1)).path("accessToken").asText())
                .as("one step ahead").isNotBlank();
    }

    @Test
    void aBackupCodeSignsInOnce() {
        Enrolled enrolled = enrolled();
        String backupCode = enrolled.app().backupCodes().get(3);
        // Typed by hand: upper case, spaces instead of dashes.
        JsonNode verified = login(enrolled.email()).verify(backupCode.toUpperCase().replace('-', ' '));
        assertThat(verified.path("accessToken").asText()).isNotBlank();
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            UUID id = sql.userId(enrolled.email());
            assertThat(sql.value(String.class, "SELECT details->>'remaining' FROM audit_events WHERE action = 'mfa_backup_code_used' "
                    + "AND subject_id = ?", id)).isEqualTo("9");
            assertThat(sql.value(String.class, "SELECT details->>'factor' FROM audit_events WHERE action = 'sign_in' "
                    + "AND subject_id = ? ORDER BY id DESC LIMIT 1", id)).isEqualTo("backup_code");
        }

        JsonNode again = login(enrolled.email()).verify(backupCode);
        assertThat(again.path("accessToken").isNull()).isTrue();
        assertThat(firstErrorCode(again)).isEqualTo("INVALID_CREDENTIALS");
        assertThat(login(enrolled.email()).verify(enrolled.app().backupCodes().get(4)).path("accessToken").asText()).isNotBlank();
    }

    @Test
    void aBackupCodeHandedOutBeforeTheLongerOnesStillSignsIn() throws Exception {
        Enrolled enrolled = enrolled();
        String earlier = "7k2m-9xq4-ab3d-hv8w";
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            sql.update("INSERT INTO mfa_backup_codes (user_id, code_hash) VALUES (?, ?)", sql.userId(enrolled.email()),
                    java.security.MessageDigest.getInstance("SHA-256").digest(earlier.replace("-", "").getBytes(StandardCharsets.UTF_8)));
        }
        assertThat(login(enrolled.email()).verify(earlier).path("accessToken").asText()).isNotBlank();
        assertThat(login(enrolled.email()).verify(earlier).path("accessToken").isNull()).as("once").isTrue();
    }

    @Test
    void wrongCodesCountWithPasswordsTowardTheLockWhichEndsEveryChallenge() {
        Enrolled enrolled = enrolled();
        String wrong = differentCode(enrolled.app(), clock.instant());
        // The sign-in attempts so far: each login and each code counts; a right password does not clear the count.
        PendingSignIn first = login(enrolled.email());                 // 1
        for (int i = 0; i < 4; i++) {                                  // 2-5
            assertThat(firstErrorCode(first.verify(wrong))).isEqualTo("INVALID_CREDENTIALS");
        }
        PendingSignIn second = login(enrolled.email());                // 6
        for (int i = 0; i < 4; i++) {                                  // 7-10: the 10th locks
            assertThat(firstErrorCode(second.verify(wrong))).isEqualTo("INVALID_CREDENTIALS");
        }

        String right = enrolled.app().code(clock.instant(), 0);
        JsonNode afterLock = second.verify(right);
        assertThat(afterLock.path("accessToken").isNull()).isTrue();
        assertThat(firstErrorCode(afterLock)).isEqualTo("NOT_AUTHENTICATED");
        assertThat(first.verify(right).path("accessToken").isNull()).isTrue();
        JsonNode login = new GraphQlClient(server.baseUrl()).execute(LOGIN,
                Map.of("i", Map.of("email", enrolled.email(), "password", PASSWORD))).data("login");
        assertThat(login.path("mfaChallenge").isNull()).as("the account is locked").isTrue();
        assertThat(firstErrorCode(login)).isEqualTo("INVALID_CREDENTIALS");
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            UUID id = sql.userId(enrolled.email());
            assertThat(sql.value(Long.class, "SELECT count(*) FROM mfa_challenges WHERE user_id = ?", id)).isZero();
            assertThat(sql.value(Long.class, "SELECT count(*) FROM audit_events WHERE action = 'mfa_failed' AND subject_id = ?", id))
                    .isEqualTo(8);
            assertThat(sql.value(Long.class, "SELECT count(*) FROM audit_events WHERE action = 'account_locked' AND subject_id = ?", id))
                    .isEqualTo(1);
        }
    }

    @Test
    void newBackupCodesReplaceTheOldOnesWithThePasswordOrACode() {
        Enrolled enrolled = enrolled();
        String regenerate = """
                mutation R($i: RegenerateBackupCodesInput!) {
                  regenerateBackupCodes(input: $i) { backupCodes userErrors { field code } }
                }""";
        GraphQlClient client = enrolled.person().client();
        JsonNode refused = client.execute(regenerate, Map.of("i", Map.of("password", "not-my-password-1"))).data("regenerateBackupCodes");
        assertThat(refused.path("userErrors").path(0).path("field").asText()).isEqualTo("password");
        assertThat(refused.path("backupCodes").isNull()).isTrue();
        assertThat(auditCount("mfa_failed", enrolled.email())).isEqualTo(1);

        JsonNode byPassword = client.execute(regenerate, Map.of("i", Map.of("password", PASSWORD))).data("regenerateBackupCodes");
        assertThat(byPassword.path("userErrors")).isEmpty();
        assertThat(byPassword.path("backupCodes")).hasSize(10);
        JsonNode byCode = client.execute(regenerate, Map.of("i", Map.of("code", enrolled.app().code(clock.instant(), 0))))
                .data("regenerateBackupCodes");
        assertThat(byCode.path("backupCodes")).hasSize(10);
        assertThat(auditCount("mfa_backup_codes_regenerated", enrolled.email())).isEqualTo(2);

        assertThat(login(enrolled.email()).verify(enrolled.app().backupCodes().get(0)).path("accessToken").isNull())
                .as("an original code").isTrue();
        assertThat(login(enrolled.email()).verify(byPassword.path("backupCodes").path(0).asText()).path("accessToken").isNull())
                .as("a code of the first regeneration").isTrue();
        assertThat(login(enrolled.email()).verify(byCode.path("backupCodes").path(0).asText()).path("accessToken").asText())
                .isNotBlank();
    }

    @Test
    void disablingNeedsThePasswordAndACodeAndThenThePasswordAloneSignsIn() {
        Enrolled enrolled = enrolled();
        String disable = "mutation D($i: DisableMfaInput!) { disableMfa(input: $i) { user { mfaEnabled } userErrors { code } } }";
        GraphQlClient client = enrolled.person().client();
        String code = enrolled.app().code(clock.instant(), 0);
        JsonNode wrongPassword = client.execute(disable, Map.of("i", Map.of("password", "not-my-password-1", "code", code)))
                .data("disableMfa");
        assertThat(firstErrorCode(wrongPassword)).isEqualTo("INVALID_CREDENTIALS");
        JsonNode wrongCode = client.execute(disable, Map.of("i", Map.of("password", PASSWORD,
                "code", differentCode(enrolled.app(), clock.instant())))).data("disableMfa");
        assertThat(firstErrorCode(wrongCode)).isEqualTo("INVALID_CREDENTIALS");
        assertThat(client.execute(ME).data("me").path("mfaEnabled").asBoolean()).isTrue();

        JsonNode disabled = client.execute(disable, Map.of("i", Map.of("password", PASSWORD, "code", code))).data("disableMfa");
        assertThat(disabled.path("userErrors")).isEmpty();
        assertThat(disabled.path("user").path("mfaEnabled").asBoolean()).isFalse();
        assertThat(auditCount("mfa_disabled", enrolled.email())).isEqualTo(1);
        JsonNode login = new GraphQlClient(server.baseUrl()).execute(LOGIN,
                Map.of("i", Map.of("email", enrolled.email(), "password", PASSWORD))).data("login");
        assertThat(login.path("accessToken").asText()).isNotBlank();
        assertThat(login.path("mfaChallenge").isNull()).isTrue();
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            UUID id = sql.userId(enrolled.email());
            assertThat(sql.value(Long.class, "SELECT count(*) FROM mfa_backup_codes WHERE user_id = ?", id)).isZero();
            assertThat(sql.value(Long.class, "SELECT count(*) FROM mfa_authenticators WHERE user_id = ?", id)).isZero();
        }
    }

    @Test
    void aMadeUpOrMalformedChallengeIsRefusedAsExpired() {
        GraphQlClient browser = new GraphQlClient(server.baseUrl());
        for (String challenge : List.of("x", UUID.randomUUID().toString(), "A".repeat(43))) {
            JsonNode payload = new PendingSignIn(browser, challenge).verify("123456");
            assertThat(payload.path("accessToken").isNull()).isTrue();
            assertThat(payload.path("userErrors").path(0).path("field").asText()).isEqualTo("challenge");
            assertThat(firstErrorCode(payload)).isEqualTo("NOT_AUTHENTICATED");
        }
    }

    @Test
    void aChallengeExpiresAfterFiveMinutes() {
        Enrolled enrolled = enrolled();
        PendingSignIn pending = login(enrolled.email());
        clock.advance(MfaGate.CHALLENGE_LIFETIME.plusSeconds(1));
        JsonNode expired = pending.verify(enrolled.app().code(clock.instant(), 0));
        assertThat(expired.path("accessToken").isNull()).isTrue();
        assertThat(firstErrorCode(expired)).isEqualTo("NOT_AUTHENTICATED");
    }

    @Test
    void thePurgeJobDeletesExpiredChallengesAndKeepsLiveOnes() throws Exception {
        Enrolled expiring = enrolled();
        login(expiring.email());
        clock.advance(MfaGate.CHALLENGE_LIFETIME.plusSeconds(1));
        Enrolled live = enrolled();
        login(live.email());

        server.application().scheduler().triggerNow("purge-expired-tokens");

        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            String count = "SELECT count(*) FROM mfa_challenges WHERE user_id = ?";
            UUID expiringId = sql.userId(expiring.email());
            Instant deadline = Instant.now().plusSeconds(20);
            while (sql.value(Long.class, count, expiringId) > 0) {
                assertThat(Instant.now()).as("purged within 20 s").isBefore(deadline);
                Thread.sleep(50); // polling a condition with a deadline
            }
            assertThat(sql.value(Long.class, count, sql.userId(live.email()))).isEqualTo(1);
        }
    }

    /** A six-digit code that is none of the codes accepted around {@code now}. */
    private static String differentCode(AuthenticatorApp app, Instant now) {
        List<String> valid = List.of(app.code(now, -1), app.code(now, 0), app.code(now, 1));
        for (int candidate = 0; ; candidate++) {
            String code = String.format("%06d", candidate);
            if (!valid.contains(code)) {
                return code;
            }
        }
    }
}
