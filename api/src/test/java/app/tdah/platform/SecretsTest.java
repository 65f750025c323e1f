package app.tdah.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretsTest {

    private static AppConfig settings(Map<String, String> values) {
        return AppConfig.from(Config.builder()
                .sources(ConfigSources.create(values), ConfigSources.classpath("application.yaml"))
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .build());
    }

    @Test
    void embeddedModeGeneratesSecretsOnceAndKeepsThemPrivate(@TempDir Path dataDir) throws Exception {
        AppConfig embedded = settings(Map.of("pa.data.dir", dataDir.toString()));
        Secrets first = Secrets.load(embedded);
        Secrets second = Secrets.load(embedded);
        assertThat(first.jwtKey()).hasSize(32).isEqualTo(second.jwtKey());
        assertThat(first.encryptionKey()).hasSize(32).isEqualTo(second.encryptionKey()).isNotEqualTo(first.jwtKey());
        Path file = dataDir.resolve("secrets.properties");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void outsideEmbeddedModeAMissingSecretStopsStartUpNamingIt(@TempDir Path dataDir) {
        Map<String, String> values = new HashMap<>(Map.of("pa.data.dir", dataDir.toString(), "pa.db.url", "jdbc:postgresql://db/pa"));
        assertThatThrownBy(() -> Secrets.load(settings(values)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("PA_JWT_SECRET");
        values.put("pa.jwt.secret", "dGVzdC1vbmx5LWp3dC1zZWNyZXQtb2YtYXQtbGVhc3QtMzItYnl0ZXM=");
        assertThatThrownBy(() -> Secrets.load(settings(values)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("PA_ENCRYPTION_KEY");
        assertThat(Files.exists(dataDir.resolve("secrets.properties"))).isFalse();
    }

    @Test
    void aShortOrMalformedSecretIsRefused(@TempDir Path dataDir) {
        Map<String, String> values = Map.of("pa.data.dir", dataDir.toString(), "pa.db.url", "jdbc:postgresql://db/pa",
                "pa.jwt.secret", "c2hvcnQ=", "pa.encryption.key", "dGVzdC1vbmx5LWVuY3J5cHRpb24ta2V5LTMyLWJ5dGVzISE=");
        assertThatThrownBy(() -> Secrets.load(settings(values))).hasMessageContaining("at least 32 bytes");
    }
}
