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
        assertThat(first.encryptionKeys().primary()).hasSize(32).isEqualTo(second.encryptionKeys().primary())
                .isNotEqualTo(first.jwtKey());
        assertThat(first.encryptionKeys().primaryId()).isEqualTo("k1");
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
    void severalEncryptionKeysNeedAPrimaryAndTheSingleKeyIsK1(@TempDir Path dataDir) {
        String k1 = "dGVzdC1vbmx5LWVuY3J5cHRpb24ta2V5LTMyLWJ5dGVzISE=";
        String k2 = "YW5vdGhlci10ZXN0LW9ubHktZW5jcnlwdGlvbi1rZXktMzI=";
        Map<String, String> values = new HashMap<>(Map.of("pa.data.dir", dataDir.toString(), "pa.db.url", "jdbc:postgresql://db/pa",
                "pa.jwt.secret", "dGVzdC1vbmx5LWp3dC1zZWNyZXQtb2YtYXQtbGVhc3QtMzItYnl0ZXM=", "pa.encryption.keys", "k2:" + k2));
        assertThat(Secrets.load(settings(values)).encryptionKeys().primaryId()).as("the only key").isEqualTo("k2");
        values.put("pa.encryption.key", k1);
        EncryptionKeys both = Secrets.load(settings(values)).encryptionKeys();
        assertThat(both.keys()).containsOnlyKeys("k1", "k2");
        assertThat(both.primaryId()).as("k1 stays primary until another is named").isEqualTo("k1");
        values.put("pa.encryption.primary", "k2");
        assertThat(Secrets.load(settings(values)).encryptionKeys().primaryId()).isEqualTo("k2");
        values.put("pa.encryption.primary", "k3");
        assertThatThrownBy(() -> Secrets.load(settings(values))).hasMessageContaining("k3");
        values.remove("pa.encryption.key");
        values.put("pa.encryption.keys", "k2:" + k2 + ",k3:" + k1);
        values.remove("pa.encryption.primary");
        assertThatThrownBy(() -> Secrets.load(settings(values))).hasMessageContaining("PA_ENCRYPTION_PRIMARY");
        values.put("pa.encryption.keys", "k2:" + k2 + ",k2:" + k1);
        assertThatThrownBy(() -> Secrets.load(settings(values))).hasMessageContaining("twice");
    }

    @Test
    void aShortOrMalformedSecretIsRefused(@TempDir Path dataDir) {
        Map<String, String> values = Map.of("pa.data.dir", dataDir.toString(), "pa.db.url", "jdbc:postgresql://db/pa",
                "pa.jwt.secret", "c2hvcnQ=", "pa.encryption.key", "dGVzdC1vbmx5LWVuY3J5cHRpb24ta2V5LTMyLWJ5dGVzISE=");
        assertThatThrownBy(() -> Secrets.load(settings(values))).hasMessageContaining("at least 32 bytes");
    }
}
