package app.tdah.accounts;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import app.tdah.errors.Overloaded;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A burst of password hashes never holds more than the bound's memory at once: the excess waits, then is refused. */
class HashingSlotsTest {

    private final ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
    private final CountDownLatch running = new CountDownLatch(2);
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        pool.shutdownNow();
    }

    @Test
    void aHashBeyondTheBoundIsRefusedAsOverloadedAfterItsWait() throws Exception {
        HashingSlots slots = new HashingSlots(2, Duration.ofMillis(50));
        occupy(slots);
        occupy(slots);
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> slots.run(() -> "third")).isInstanceOf(Overloaded.class)
                .hasMessageContaining("try again");
    }

    @Test
    void aWaitingHashRunsAsSoonAsASlotFrees() throws Exception {
        HashingSlots slots = new HashingSlots(2, Duration.ofSeconds(30));
        occupy(slots);
        occupy(slots);
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<String> waiting = CompletableFuture.supplyAsync(() -> slots.run(() -> "third"), pool);
        assertThat(waiting).isNotDone();

        release.countDown();
        assertThat(waiting.get(5, TimeUnit.SECONDS)).isEqualTo("third");
    }

    @Test
    void aPasswordHasherTakesASlotForEveryComputation() throws Exception {
        HashingSlots slots = new HashingSlots(2, Duration.ofMillis(50));
        PasswordHasher hasher = new PasswordHasher(new Argon2Settings(8192, 1, 1), slots);
        String stored = hasher.hash("correct-horse-battery-42");
        occupy(slots);
        occupy(slots);
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> hasher.hash("correct-horse-battery-42")).isInstanceOf(Overloaded.class);
        assertThatThrownBy(() -> hasher.verify("correct-horse-battery-42", stored)).isInstanceOf(Overloaded.class);
    }

    /** Holds one slot until the test releases it. */
    private void occupy(HashingSlots slots) {
        pool.execute(() -> slots.run(() -> {
            running.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
    }
}
