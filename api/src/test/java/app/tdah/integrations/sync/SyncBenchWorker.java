package app.tdah.integrations.sync;

import java.net.URI;
import java.time.Duration;

import app.tdah.jobs.coordination.RedissonCoordination;
import app.tdah.platform.Database;
import app.tdah.platform.Redis;
import app.tdah.testing.TestServices;

import io.helidon.dbclient.DbClient;
import org.redisson.api.RedissonClient;

/**
 * A worker node in a JVM of its own, for {@link IntegrationsSyncBench}'s killed-node round: it syncs due streams
 * against the bench's fake providers (reached over loopback, as a real node reaches Google) until the bench kills it
 * with SIGKILL. It prints its node name first, so the bench can tell which claims the dead node left behind.
 *
 * <p>Arguments: JDBC URL, coordination prefix (the other node's), Google URL, Microsoft URL, Google requests/s,
 * Microsoft requests/s, lease in seconds. PostgreSQL's user and Redis are the tests' ({@link TestServices}).
 */
public final class SyncBenchWorker {

    private SyncBenchWorker() {
    }

    public static void main(String[] args) throws InterruptedException {
        Database database = new Database(args[0], TestServices.pgUser(), TestServices.pgPassword(), 20);
        RedissonClient redis = Redis.connect(TestServices.redisUrl(), Redis.Topology.SINGLE, "");
        DbClient db = database.openClient();
        SyncRunner runner = IntegrationsSyncBench.runner(db, new RedissonCoordination(redis, args[1]), URI.create(args[2]),
                URI.create(args[3]), Integer.parseInt(args[4]), Integer.parseInt(args[5]),
                IntegrationsSyncBench.settings(Duration.ofSeconds(Long.parseLong(args[6]))));
        System.out.println("node " + runner.node());
        System.out.flush();
        while (true) {
            if (runner.runDue() == 0) {
                Thread.sleep(20);
            }
        }
    }
}
