package app.tdah.platform;

import java.util.List;
import java.util.Optional;

/**
 * Re-seals stored secrets under the primary encryption key, one column at a time, in small batches so that a large
 * table is never locked for long. Each value is replaced only if it is still the one read (compare-and-set): a value a
 * running server rewrote meanwhile is already sealed under the primary key and is left alone. Running it again does
 * nothing more; a value no configured key opens is counted, never dropped.
 */
public final class KeyRotation {

    private static final int BATCH = 200;

    private KeyRotation() {
    }

    /** One stored sealed value: its row's key, the value, and the associated data it was sealed with. */
    public record Sealed(String rowKey, byte[] value, byte[] associatedData) {
    }

    /** A column of sealed values, read in row-key order and replaced one value at a time. */
    public interface SealedColumn {
        /** What the column holds, for the command's report, e.g. {@code integrations.refresh_token_sealed}. */
        String name();

        /** Up to {@code limit} non-null values of rows whose key sorts after {@code afterRowKey}, in row-key order. */
        List<Sealed> after(Optional<String> afterRowKey, int limit);

        /** Replaces the value if the row still holds {@code current.value()}; false when it changed meanwhile. */
        boolean replace(Sealed current, byte[] resealed);
    }

    /** What rotating one column did: values re-sealed, values already under the primary key, values no key opens. */
    public record Outcome(String column, long resealed, long alreadyCurrent, long unreadable) {
    }

    public static Outcome rotate(AesGcm aes, SealedColumn column) {
        long resealed = 0;
        long current = 0;
        long unreadable = 0;
        Optional<String> after = Optional.empty();
        while (true) {
            List<Sealed> batch = column.after(after, BATCH);
            for (Sealed sealed : batch) {
                if (aes.isCurrent(sealed.value())) {
                    current++;
                    continue;
                }
                byte[] plaintext;
                try {
                    plaintext = aes.open(sealed.value(), sealed.associatedData());
                } catch (IllegalArgumentException e) {
                    unreadable++;
                    continue;
                }
                if (column.replace(sealed, aes.seal(plaintext, sealed.associatedData()))) {
                    resealed++;
                } else {
                    current++;
                }
            }
            if (batch.size() < BATCH) {
                return new Outcome(column.name(), resealed, current, unreadable);
            }
            after = Optional.of(batch.get(batch.size() - 1).rowKey());
        }
    }
}
