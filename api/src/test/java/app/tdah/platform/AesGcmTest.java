package app.tdah.platform;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AesGcmTest {

    private static final byte[] KEY = "a-test-key-of-at-least-thirty-two-bytes".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OTHER_KEY = "another-test-key-of-at-least-32-bytes".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PLAINTEXT = "JBSWY3DPEHPK3PXP".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ACCOUNT = "account-1".getBytes(StandardCharsets.US_ASCII);

    private static AesGcm keys(Map<String, byte[]> keys, String primary) {
        return new AesGcm(new EncryptionKeys(keys, primary));
    }

    @Test
    void opensWhatItSealedAndSealsTheSameTextDifferentlyEachTime() {
        AesGcm aes = keys(Map.of("k1", KEY), "k1");
        byte[] first = aes.seal(PLAINTEXT, ACCOUNT);
        byte[] second = aes.seal(PLAINTEXT, ACCOUNT);
        assertThat(aes.open(first, ACCOUNT)).isEqualTo(PLAINTEXT);
        assertThat(first).isNotEqualTo(second);
        // format byte + key id length + key id + 96-bit nonce + ciphertext + 128-bit tag
        assertThat(first).hasSize(1 + 1 + 2 + 12 + PLAINTEXT.length + 16);
        assertThat(aes.keyId(first)).isEqualTo("k1");
        assertThat(new String(first, StandardCharsets.ISO_8859_1)).doesNotContain("JBSWY3DP");
    }

    @Test
    void refusesAlteredValuesOtherAssociatedDataAndOtherKeys() {
        AesGcm aes = keys(Map.of("k1", KEY), "k1");
        byte[] sealed = aes.seal(PLAINTEXT, ACCOUNT);
        byte[] altered = Arrays.copyOf(sealed, sealed.length);
        altered[20] ^= 1;
        assertThatThrownBy(() -> aes.open(altered, ACCOUNT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> aes.open(sealed, "account-2".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> keys(Map.of("k1", OTHER_KEY), "k1").open(sealed, ACCOUNT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> aes.open(new byte[10], ACCOUNT)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theKeyIdIsAuthenticatedSoAValueCannotBeRelabelledToAnotherKey() {
        AesGcm both = keys(Map.of("ka", KEY, "kb", KEY), "ka");
        byte[] sealed = both.seal(PLAINTEXT, ACCOUNT);
        byte[] relabelled = Arrays.copyOf(sealed, sealed.length);
        relabelled[3] = 'b'; // "ka" -> "kb": the same key material, but the header is part of what the tag covers
        assertThat(both.keyId(relabelled)).isEqualTo("kb");
        assertThatThrownBy(() -> both.open(relabelled, ACCOUNT)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void valuesSealedUnderAnOlderKeyOpenWhileItIsConfiguredAndNewOnesGoUnderThePrimary() {
        AesGcm before = keys(Map.of("k1", KEY), "k1");
        byte[] old = before.seal(PLAINTEXT, ACCOUNT);
        AesGcm during = keys(Map.of("k1", KEY, "k2", OTHER_KEY), "k2");
        assertThat(during.open(old, ACCOUNT)).isEqualTo(PLAINTEXT);
        assertThat(during.isCurrent(old)).isFalse();
        byte[] resealed = during.seal(during.open(old, ACCOUNT), ACCOUNT);
        assertThat(during.keyId(resealed)).isEqualTo("k2");
        assertThat(during.isCurrent(resealed)).isTrue();
        AesGcm after = keys(Map.of("k2", OTHER_KEY), "k2");
        assertThat(after.open(resealed, ACCOUNT)).isEqualTo(PLAINTEXT);
        assertThatThrownBy(() -> after.open(old, ACCOUNT)).hasMessageContaining("'k1'");
    }

    /** What the single-key version wrote: format 1, nonce, ciphertext, under the key now called k1. */
    @Test
    void valuesSealedBeforeKeyIdsOpenUnderK1() throws Exception {
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(KEY, "HmacSHA256"));
        byte[] derived = hmac.doFinal("personal-assistant secrets at rest".getBytes(StandardCharsets.UTF_8));
        byte[] nonce = new byte[12];
        new SecureRandom().nextBytes(nonce);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(derived, "AES"), new GCMParameterSpec(128, nonce));
        cipher.updateAAD(ACCOUNT);
        byte[] ciphertext = cipher.doFinal(PLAINTEXT);
        byte[] legacy = ByteBuffer.allocate(1 + 12 + ciphertext.length).put((byte) 1).put(nonce).put(ciphertext).array();

        AesGcm aes = new AesGcm(EncryptionKeys.parse(Optional.of(Base64.getEncoder().encodeToString(KEY)),
                Optional.of("k2:" + Base64.getEncoder().encodeToString(OTHER_KEY)), Optional.of("k2")));
        assertThat(aes.keyId(legacy)).isEqualTo("k1");
        assertThat(aes.open(legacy, ACCOUNT)).isEqualTo(PLAINTEXT);
        assertThat(aes.isCurrent(legacy)).isFalse();
    }
}
