package app.tdah.accounts.recovery;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import app.tdah.errors.UserError;
import app.tdah.platform.BearerSecrets;

import io.helidon.dbclient.DbExecute;

/**
 * The links mailed for verification, email change and password reset: a random token in the link, only its SHA-256
 * at rest, spent once, valid for its purpose's time. A new link of a purpose replaces the person's unspent ones.
 */
public final class OneTimeLinks {

    private final RecoveryRepository repository;
    private final URI publicUrl;
    private final Clock clock;

    public OneTimeLinks(RecoveryRepository repository, URI publicUrl, Clock clock) {
        this.repository = repository;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    /** A link just made; its token id names the mail that carries it. */
    record Link(UUID tokenId, URI uri) {
    }

    Link issue(DbExecute tx, UUID userId, TokenPurpose purpose, String email) {
        repository.deleteUnspent(tx, userId, List.of(purpose));
        String token = BearerSecrets.generate();
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        repository.insertToken(tx, id, userId, purpose, BearerSecrets.sha256(token), email, now, now.plus(purpose.validity()));
        return new Link(id, URI.create(publicUrl + purpose.page() + "?token=" + token));
    }

    /** A page of the SPA, such as {@code /signin}, as a mail links to it. */
    URI page(String path) {
        return URI.create(publicUrl + path);
    }

    /** Spends the token if it is a live one of these purposes. */
    Optional<RecoveryRepository.SpentToken> spend(DbExecute tx, String token, Collection<TokenPurpose> purposes) {
        return repository.spend(tx, BearerSecrets.sha256(token), purposes, clock.instant());
    }

    /** Whether the token is a live one of this purpose, without spending it. */
    boolean isLive(String token, TokenPurpose purpose) {
        return stored(token)
                .filter(t -> t.purpose() == purpose && t.usedAt() == null && t.expiresAt().isAfter(clock.instant()))
                .isPresent();
    }

    /** The token as stored, if it exists at all. */
    Optional<RecoveryRepository.StoredToken> stored(String token) {
        return BearerSecrets.isWellFormed(token) ? repository.find(BearerSecrets.sha256(token)) : Optional.empty();
    }

    /** Why a token that could not be spent was refused, told so the person knows what to do next. */
    UserError refusal(String token, Collection<TokenPurpose> purposes, String askAgain) {
        Optional<RecoveryRepository.StoredToken> stored = stored(token).filter(t -> purposes.contains(t.purpose()));
        String message;
        if (stored.isEmpty()) {
            message = "This link is not valid. Check that you opened the whole link from the mail, or " + askAgain + ".";
        } else if (stored.get().usedAt() != null) {
            message = "This link was already used. Each link works once: " + askAgain + " if you need to.";
        } else {
            message = "This link has expired. Please " + askAgain + ".";
        }
        return new UserError("token", message, UserError.Code.INVALID);
    }

    /** Why it was refused, in one word for the audit trail. */
    String refusalReason(String token) {
        return stored(token).map(t -> t.usedAt() != null ? "used" : "expired").orElse("unknown");
    }
}
