package app.tdah.mfa;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import app.tdah.testing.GraphQlClient;

import com.fasterxml.jackson.databind.JsonNode;
import org.bouncycastle.util.encoders.Base32;

/** What a person's phone does in these tests: it scans the otpauth URI and shows the code of any moment. */
public record AuthenticatorApp(byte[] secret, List<String> backupCodes) {

    static final String START = """
            mutation { startMfaEnrolment { otpauthUri manualEntryKey qrCodePng userErrors { code message } } }""";
    static final String CONFIRM = """
            mutation C($i: ConfirmMfaEnrolmentInput!) {
              confirmMfaEnrolment(input: $i) { backupCodes user { mfaEnabled } userErrors { field code message } }
            }""";

    /** Sets up MFA for the client's account, confirming with the code of {@code now}; fails loudly if it cannot. */
    public static AuthenticatorApp enrol(GraphQlClient client, Instant now) {
        JsonNode started = client.execute(START).data("startMfaEnrolment");
        byte[] secret = secretOf(started.path("otpauthUri").asText());
        JsonNode confirmed = client.execute(CONFIRM, java.util.Map.of("i", java.util.Map.of(
                "code", Totp.code(secret, Totp.step(now))))).data("confirmMfaEnrolment");
        if (!confirmed.path("userErrors").isEmpty() || confirmed.path("backupCodes").size() != MfaService.BACKUP_CODES) {
            throw new IllegalStateException("Enrolment failed: " + started + " / " + confirmed);
        }
        List<String> codes = new ArrayList<>();
        confirmed.path("backupCodes").forEach(code -> codes.add(code.asText()));
        return new AuthenticatorApp(secret, List.copyOf(codes));
    }

    static byte[] secretOf(String otpauthUri) {
        String query = URI.create(otpauthUri).getRawQuery();
        for (String parameter : query.split("&")) {
            if (parameter.startsWith("secret=")) {
                return Base32.decode(parameter.substring("secret=".length()));
            }
        }
        throw new IllegalArgumentException("No secret in " + otpauthUri);
    }

    /** The code shown at {@code time}, {@code steps} 30-second steps later (or earlier, when negative). */
    public String code(Instant time, long steps) {
        return Totp.code(secret, Totp.step(time) + steps);
    }
}
