package app.tdah.platform;

import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

/** Builds the Redisson client from a redis:// (or rediss://) URL. */
public final class Redis {

    private Redis() {
    }

    public static RedissonClient connect(String url) {
        Config config = new Config();
        config.useSingleServer()
                .setAddress(url)
                .setConnectionMinimumIdleSize(2)
                .setConnectionPoolSize(16)
                .setRetryAttempts(2)
                .setTimeout(2_000);
        return Redisson.create(config);
    }
}
