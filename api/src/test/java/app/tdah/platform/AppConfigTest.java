package app.tdah.platform;

import java.util.Map;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The node's settings may be logged (at start-up, in an exception): their text never carries a secret. */
class AppConfigTest {

    @Test
    void theTextOfTheSettingsHidesEveryPasswordAndKeyWhereverItWasWritten() {
        AppConfig settings = AppConfig.from(Config.builder()
                .sources(ConfigSources.create(Map.of(
                        "pa.db.url", "jdbc:postgresql://db.internal:5432/pa?user=pa&password=db-url-secret&ssl=true",
                        "pa.db.password", "db-password-secret",
                        "pa.redis.url", "rediss://default:redis-url-secret@cache.internal:6380/0",
                        "pa.jwt.secret", "jwt-secret-value-jwt-secret-value",
                        "pa.encryption.key", "encryption-key-secret",
                        "pa.encryption.keys", "k2:encryption-keys-secret",
                        "pa.encryption.primary", "k2")), ConfigSources.classpath("application.yaml"))
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .build());

        String text = settings.toString();

        assertThat(text).doesNotContain("db-url-secret", "db-password-secret", "redis-url-secret", "jwt-secret-value",
                "encryption-key-secret", "encryption-keys-secret");
        assertThat(text).as("what an operator needs to read stays")
                .contains("db.internal:5432/pa", "user=pa", "ssl=true", "cache.internal:6380", "password=***");
    }
}
