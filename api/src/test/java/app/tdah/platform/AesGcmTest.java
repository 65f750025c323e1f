package app.tdah.platform;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AesGcmTest {

    private static final byte[] KEY = "a-test-key-of-at-least-thirty-two-bytes".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PLAINTEXT = "JBSWY3DPEHPK3PXP".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ACCOUNT = "account-1".getBytes(StandardCharsets.US_ASCII);

    @Test
    void opensWhatItSealedAndSealsTheSameTextDifferentlyEachTime() {
        AesGcm aes = new AesGcm(KEY);
        byte[] first = aes.seal(PLAINTEXT, ACCOUNT);
        byte[] second = aes.seal(PLAINTEXT, ACCOUNT);
        assertThat(aes.open(first, ACCOUNT)).isEqualTo(PLAINTEXT);
        assertThat(first).isNotEqualTo(second);
        // format byte + 96-bit nonce + ciphertext + 128-bit tag
        assertThat(first).hasSize(1 + 12 + PLAINTEXT.length + 16);
        assertThat(new String(first, StandardCharsets.ISO_8859_1)).doesNotContain("JBSWY3DP");
    }

    @Test
    void refusesAlteredValuesOtherAssociatedDataAndOtherKeys() {
        AesGcm aes = new AesGcm(KEY);
        byte[] sealed = aes.seal(PLAINTEXT, ACCOUNT);
        byte[] altered = Arrays.copyOf(sealed, sealed.length);
        altered[20] ^= 1;
        assertThatThrownBy(() -> aes.open(altered, ACCOUNT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> aes.open(sealed, "account-2".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AesGcm("another-test-key-of-at-least-32-bytes".getBytes(StandardCharsets.US_ASCII))
                .open(sealed, ACCOUNT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> aes.open(new byte[10], ACCOUNT)).isInstanceOf(IllegalArgumentException.class);
    }
}
