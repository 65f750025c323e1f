package app.tdah.identity;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;

/**
 * Short-lived access tokens: HS256 JWTs naming the user, their role and their session ({@value #SESSION_CLAIM}, the
 * refresh-token family), which every request checks is still live.
 */
public final class AccessTokens {

    private static final String AUDIENCE = "personal-assistant-api";
    private static final String SESSION_CLAIM = "sid";
    /** Tolerated clock difference between nodes. */
    private static final Duration SKEW = Duration.ofSeconds(30);

    private final JWSSigner signer;
    private final JWSVerifier verifier;
    private final String issuer;
    private final Duration lifetime;
    private final Clock clock;

    public record Issued(String token, Instant expiresAt) {
    }

    public AccessTokens(byte[] key, String issuer, Duration lifetime, Clock clock) {
        try {
            this.signer = new MACSigner(key);
            this.verifier = new MACVerifier(key);
        } catch (JOSEException e) {
            throw new IllegalStateException("JWT key rejected: " + e.getMessage(), e);
        }
        this.issuer = issuer;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    public Issued issue(UUID userId, String role, UUID sessionId) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(lifetime);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(userId.toString())
                .issuer(issuer)
                .audience(AUDIENCE)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expiresAt))
                .jwtID(UUID.randomUUID().toString())
                .claim("role", role)
                .claim(SESSION_CLAIM, sessionId.toString())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign access token", e);
        }
        return new Issued(jwt.serialize(), expiresAt);
    }

    /** The token of the request's {@code Authorization: Bearer} header, if it has one. */
    public static Optional<String> bearer(ServerRequest req) {
        return req.headers().first(HeaderNames.AUTHORIZATION)
                .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(h -> h.substring(7).trim());
    }

    /**
     * The signed-in principal, or empty when the token is malformed, forged, expired or not ours, or names no session
     * (issued before sessions were named: the client refreshes it).
     */
    public Optional<Principal> verify(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Instant now = clock.instant();
            if (claims.getExpirationTime() == null || claims.getExpirationTime().toInstant().plus(SKEW).isBefore(now)
                    || !issuer.equals(claims.getIssuer())
                    || !List.of(AUDIENCE).equals(claims.getAudience()) || claims.getStringClaim(SESSION_CLAIM) == null) {
                return Optional.empty();
            }
            return Optional.of(new Principal(UUID.fromString(claims.getSubject()), claims.getStringClaim("role"),
                    UUID.fromString(claims.getStringClaim(SESSION_CLAIM))));
        } catch (ParseException | JOSEException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
