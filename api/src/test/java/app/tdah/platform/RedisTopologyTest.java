package app.tdah.platform;

import org.junit.jupiter.api.Test;
import org.redisson.config.Config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The topology settings become the matching Redisson configuration (connecting is covered by the server tests). */
class RedisTopologyTest {

    @Test
    void oneUrlIsASingleServer() {
        Config config = Redis.config("redis://10.0.0.5:6379", Redis.Topology.SINGLE, "");
        assertThat(config.isSingleConfig()).isTrue();
        assertThat(config.useSingleServer().getAddress()).isEqualTo("redis://10.0.0.5:6379");
    }

    @Test
    void sentinelsNeedTheMasterName() {
        Config config = Redis.config("redis://s1:26379, redis://s2:26379", Redis.Topology.SENTINEL, "pa-master");
        assertThat(config.isSentinelConfig()).isTrue();
        assertThat(config.useSentinelServers().getSentinelAddresses()).containsExactly("redis://s1:26379", "redis://s2:26379");
        assertThat(config.useSentinelServers().getMasterName()).isEqualTo("pa-master");
        assertThatThrownBy(() -> Redis.config("redis://s1:26379", Redis.Topology.SENTINEL, " "))
                .hasMessageContaining("PA_REDIS_SENTINEL_MASTER");
    }

    @Test
    void clusterUrlsAreSeedNodes() {
        Config config = Redis.config("redis://n1:6379,redis://n2:6379,redis://n3:6379", Redis.Topology.CLUSTER, "");
        assertThat(config.isClusterConfig()).isTrue();
        assertThat(config.useClusterServers().getNodeAddresses()).hasSize(3);
    }

    @Test
    void misconfigurationIsNamed() {
        assertThatThrownBy(() -> Redis.topology("ring")).hasMessageContaining("PA_REDIS_TOPOLOGY");
        assertThatThrownBy(() -> Redis.config("redis://a:1,redis://b:2", Redis.Topology.SINGLE, ""))
                .hasMessageContaining("sentinel or cluster");
    }
}
