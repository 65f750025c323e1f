package app.tdah.accounts;

/** The Argon2id cost of new password hashes (existing hashes keep the parameters written in them). */
public record Argon2Settings(int memoryKib, int iterations, int parallelism) {
}
