import java.time.Duration;

import app.tdah.accounts.Argon2Settings;
import app.tdah.accounts.HashingSlots;
import app.tdah.accounts.PasswordHasher;

/**
 * Times one Argon2id hash at the configured parameters and at a few neighbours, after a warm-up, so the operator can
 * pick the strongest setting within the 100-300 ms target on their hardware.
 * Run: bench/argon2
 */
public class Argon2Bench {
    private static final HashingSlots ONE_AT_A_TIME = new HashingSlots(1, Duration.ofMinutes(1));

    public static void main(String[] args) {
        int[][] candidates = {{19456, 2, 1}, {47104, 1, 1}, {47104, 2, 1}, {65536, 2, 1}, {65536, 3, 1}};
        // Warm the JIT on the Argon2 code first, so the first candidate is not measured cold.
        PasswordHasher warmUp = new PasswordHasher(new Argon2Settings(19456, 2, 1), ONE_AT_A_TIME);
        for (int i = 0; i < 30; i++) {
            warmUp.hash("warm-up-password");
        }
        for (int[] c : candidates) {
            PasswordHasher hasher = new PasswordHasher(new Argon2Settings(c[0], c[1], c[2]), ONE_AT_A_TIME);
            for (int i = 0; i < 3; i++) {
                hasher.hash("warm-up-password");
            }
            int runs = 10;
            long[] millis = new long[runs];
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                hasher.hash("correct-horse-battery-42");
                millis[i] = (System.nanoTime() - start) / 1_000_000;
            }
            java.util.Arrays.sort(millis);
            System.out.printf("m=%d KiB t=%d p=%d: median %d ms, max %d ms%n", c[0], c[1], c[2], millis[runs / 2], millis[runs - 1]);
        }
    }
}
