package app.tdah.mfa;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import app.tdah.accounts.AccountsFeature;
import app.tdah.platform.AesGcm;
import app.tdah.platform.KeyRotation;
import app.tdah.wiring.Feature;
import app.tdah.wiring.Foundation;

import io.helidon.dbclient.DbClient;

/**
 * Two-step sign-in (TOTP and backup codes). Built in two steps because accounts and MFA need each other: the gate
 * every sign-in passes ({@link #gate}) exists before the accounts feature, the rest ({@link #create}) after it.
 */
public final class MfaFeature {

    private final MfaRepository repository;
    private final Feature feature;

    private MfaFeature(MfaRepository repository, Feature feature) {
        this.repository = repository;
        this.feature = feature;
    }

    /** The second step of every sign-in ({@code pa.auth.mfa.required.for.admins}). */
    public static MfaGate gate(Foundation foundation) {
        return new MfaGate(new MfaRepository(foundation.db()), foundation.audit(), foundation.clock(),
                foundation.config().get("auth.mfa.required.for.admins").asBoolean().get());
    }

    public static MfaFeature create(Foundation foundation, AccountsFeature accounts) {
        MfaRepository repository = new MfaRepository(foundation.db());
        MfaService mfa = new MfaService(repository, new AesGcm(foundation.secrets().encryptionKeys()),
                accounts.accounts(), accounts.sensitiveChanges(), foundation.audit(), foundation.clock());
        Feature feature = Feature.builder()
                .graphQl(new MfaGraphQl(mfa, accounts.accounts(), accounts.graphQl()))
                .build();
        return new MfaFeature(repository, feature);
    }

    /** The authenticators' sealed TOTP secrets, for {@code rotate-keys}. */
    public static KeyRotation.SealedColumn sealedSecrets(DbClient db) {
        MfaRepository repository = new MfaRepository(db);
        return new KeyRotation.SealedColumn() {
            @Override
            public String name() {
                return "mfa_authenticators.secret_sealed";
            }

            @Override
            public List<KeyRotation.Sealed> after(Optional<String> afterRowKey, int limit) {
                return repository.sealedSecrets(afterRowKey, limit);
            }

            @Override
            public boolean replace(KeyRotation.Sealed current, byte[] resealed) {
                return repository.replaceSealedSecret(UUID.fromString(current.rowKey()), current.value(), resealed);
            }
        };
    }

    /** Deletes sign-in challenges that expired before {@code now}; returns how many. */
    public long purgeExpiredChallenges(Instant now) {
        return repository.purgeExpiredChallenges(now);
    }

    public Feature feature() {
        return feature;
    }
}
