package adapters.kafka;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/** Probes with {@code describeCluster}: the cheapest request that needs a broker to answer. */
final class AdminClusterProbe implements ClusterProbe {

    private final Admin admin;
    private final String bootstrapServers;
    private final Duration timeout;

    AdminClusterProbe(Admin admin, String bootstrapServers, Duration timeout) {
        this.admin = admin;
        this.bootstrapServers = bootstrapServers;
        this.timeout = timeout;
    }

    @Override
    public String ask() {
        long timeoutMs = timeout.toMillis();
        try {
            var nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeoutMs))
                    .nodes()
                    // the option bounds the call; the margin only guards against a lost completion
                    .get(timeoutMs + 1_000, TimeUnit.MILLISECONDS);
            return nodes.isEmpty() ? "kafka at " + bootstrapServers + " answered but reports no brokers" : "ok";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "kafka probe interrupted";
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            return "kafka at " + bootstrapServers + " did not answer within " + timeoutMs + " ms: "
                    + Failures.describe(e);
        }
    }

    @Override
    public void close() {
        admin.close(timeout);
    }
}
