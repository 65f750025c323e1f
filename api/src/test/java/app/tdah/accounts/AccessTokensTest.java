package app.tdah.accounts;

import app.tdah.identity.Principal;
import app.tdah.identity.AccessTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AccessTokensTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    private static AccessTokens tokensAt(Instant now, byte[] key) {
        return new AccessTokens(key, "https://pa.example", Duration.ofMinutes(15), Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void aTokenIsValidForFifteenMinutesAndNamesTheUser() {
        UUID user = UUID.randomUUID();
        UUID session = UUID.randomUUID();
        AccessTokens.Issued issued = tokensAt(T0, KEY).issue(user, "user", session);
        assertThat(issued.expiresAt()).isEqualTo(T0.plus(Duration.ofMinutes(15)));
        assertThat(tokensAt(T0.plus(Duration.ofMinutes(14)), KEY).verify(issued.token()))
                .contains(new Principal(user, "user", session));
        assertThat(tokensAt(T0.plus(Duration.ofMinutes(16)), KEY).verify(issued.token())).isEmpty();
    }

    @Test
    void aTokenSignedWithAnotherKeyOrIssuerIsRejected() {
        String token = tokensAt(T0, KEY).issue(UUID.randomUUID(), "user", UUID.randomUUID()).token();
        assertThat(tokensAt(T0, "another-key-another-key-another!!".getBytes()).verify(token)).isEmpty();
        AccessTokens otherIssuer = new AccessTokens(KEY, "https://evil.example", Duration.ofMinutes(15),
                Clock.fixed(T0, ZoneOffset.UTC));
        assertThat(otherIssuer.verify(token)).isEmpty();
    }

    @Test
    void aTokenNamingNoSessionIsRejected() throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(UUID.randomUUID().toString()).issuer("https://pa.example")
                .audience("personal-assistant-api").expirationTime(Date.from(T0.plus(Duration.ofMinutes(15))))
                .claim("role", "user").build();
        SignedJWT sessionless = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        sessionless.sign(new MACSigner(KEY));
        assertThat(tokensAt(T0, KEY).verify(sessionless.serialize())).isEmpty();
    }

    @Test
    void garbageAndUnsignedTokensAreRejected() {
        AccessTokens tokens = tokensAt(T0, KEY);
        assertThat(tokens.verify("not a jwt")).isEmpty();
        assertThat(tokens.verify("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.")).isEmpty();
    }
}
