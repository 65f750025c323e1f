package app.tdah.mfa;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.bouncycastle.util.encoders.Base32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** TOTP against RFC 6238's published test vectors (appendix B, the SHA-1 column), and the step window. */
class TotpTest {

    /** The RFC's SHA-1 test key: the ASCII string "12345678901234567890". */
    private static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @CsvSource({
            "59, 94287082",
            "1111111109, 07081804",
            "1111111111, 14050471",
            "1234567890, 89005924",
            "2000000000, 69279037",
            "20000000000, 65353130"
    })
    void matchesTheRfc6238Sha1Vectors(long unixSeconds, String eightDigits) {
        long step = Totp.step(Instant.ofEpochSecond(unixSeconds));
        assertThat(Totp.code(RFC_KEY, step, 8)).isEqualTo(eightDigits);
        // Six digits are the same truncated value modulo 10^6: the vector's last six digits.
        assertThat(Totp.code(RFC_KEY, step)).isEqualTo(eightDigits.substring(2));
    }

    @Test
    void theRfcVectorsStepsAreThoseOfTheTable() {
        // Appendix B lists T as hex: 0x23523EC for 1111111109 and 0x27BC86AA for 2000000000.
        assertThat(Totp.step(Instant.ofEpochSecond(1111111109))).isEqualTo(0x23523ECL);
        assertThat(Totp.step(Instant.ofEpochSecond(2000000000))).isEqualTo(0x3F940AAL);
    }

    @Test
    void acceptsOneStepEitherSideAndNotTwo() {
        byte[] secret = Totp.newSecret();
        Instant now = Instant.ofEpochSecond(1_800_000_015L);
        long step = Totp.step(now);
        for (long offset = -1; offset <= 1; offset++) {
            assertThat(Totp.matchingStep(secret, Totp.code(secret, step + offset), now)).hasValue(step + offset);
        }
        assertThat(Totp.matchingStep(secret, Totp.code(secret, step - 2), now)).isEmpty();
        assertThat(Totp.matchingStep(secret, Totp.code(secret, step + 2), now)).isEmpty();
    }

    @Test
    void theSecretIsTwentyRandomBytesWrittenInUnpaddedBase32() {
        byte[] secret = Totp.newSecret();
        String base32 = Totp.base32(secret);
        assertThat(secret).hasSize(20);
        assertThat(base32).hasSize(32).matches("[A-Z2-7]+");
        assertThat(Base32.decode(base32)).isEqualTo(secret);
        assertThat(Totp.newSecret()).isNotEqualTo(secret);
    }
}
