package app.tdah.platform;

import java.util.Arrays;
import java.util.Locale;

import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

/**
 * Builds the Redisson client for the configured topology: one server, Sentinel-managed replicas (the URLs are the
 * sentinels) or a Redis Cluster (the URLs are seed nodes). URLs are redis:// or rediss://, comma-separated.
 */
public final class Redis {

    public enum Topology { SINGLE, SENTINEL, CLUSTER }

    private static final int TIMEOUT_MILLIS = 2_000;

    private Redis() {
    }

    public static RedissonClient connect(String urls, Topology topology, String sentinelMaster) {
        return Redisson.create(config(urls, topology, sentinelMaster));
    }

    static Config config(String urls, Topology topology, String sentinelMaster) {
        String[] addresses = Arrays.stream(urls.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toArray(String[]::new);
        Config config = new Config();
        switch (topology) {
            case SINGLE -> {
                if (addresses.length != 1) {
                    throw new IllegalStateException("PA_REDIS_URL: one redis:// URL for a single server; for several, "
                            + "set PA_REDIS_TOPOLOGY to sentinel or cluster");
                }
                config.useSingleServer().setAddress(addresses[0]).setConnectionMinimumIdleSize(2).setConnectionPoolSize(16)
                        .setRetryAttempts(2).setTimeout(TIMEOUT_MILLIS);
            }
            case SENTINEL -> {
                if (sentinelMaster == null || sentinelMaster.isBlank()) {
                    throw new IllegalStateException("PA_REDIS_SENTINEL_MASTER is required with PA_REDIS_TOPOLOGY=sentinel");
                }
                config.useSentinelServers().setMasterName(sentinelMaster).addSentinelAddress(addresses)
                        .setRetryAttempts(2).setTimeout(TIMEOUT_MILLIS);
            }
            case CLUSTER -> config.useClusterServers().addNodeAddress(addresses).setRetryAttempts(2).setTimeout(TIMEOUT_MILLIS);
        }
        return config;
    }

    public static Topology topology(String name) {
        try {
            return Topology.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("PA_REDIS_TOPOLOGY: '" + name + "' is not single, sentinel or cluster");
        }
    }
}
