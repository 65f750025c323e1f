package app.tdah.accounts;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordHasherTest {

    private static final HashingSlots SLOTS = new HashingSlots(2, Duration.ofSeconds(30));

    private final PasswordHasher hasher = new PasswordHasher(new Argon2Settings(8192, 1, 1), SLOTS);

    @Test
    void theRightPasswordVerifiesAndAWrongOneDoesNot() {
        String hash = hasher.hash("correct-horse-battery-42");
        assertThat(hasher.verify("correct-horse-battery-42", hash)).isTrue();
        assertThat(hasher.verify("correct-horse-battery-43", hash)).isFalse();
    }

    @Test
    void eachHashHasItsOwnSaltAndCarriesItsParameters() {
        String first = hasher.hash("same password");
        String second = hasher.hash("same password");
        assertThat(first).isNotEqualTo(second).startsWith("$argon2id$v=19$m=8192,t=1,p=1$");
    }

    @Test
    void hashesMadeWithOtherParametersStillVerify() {
        String older = new PasswordHasher(new Argon2Settings(4096, 2, 1), SLOTS).hash("über-pässwörd 🔑");
        assertThat(hasher.verify("über-pässwörd 🔑", older)).isTrue();
    }

    @Test
    void aMalformedStoredHashNeverVerifies() {
        assertThat(hasher.verify("x", "not-a-phc-string")).isFalse();
    }

    @Test
    void anAccountWithoutAPasswordMatchesNone() {
        assertThat(hasher.verify("correct-horse-battery-42", null)).isFalse();
        assertThat(hasher.verify("", null)).isFalse();
    }
}
