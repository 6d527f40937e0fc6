package io.kefu.kafka.embedded;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Node;

/** Waits until the broker answers a metadata request from an ordinary Kafka client. */
final class BrokerReadiness {
  private BrokerReadiness() {}

  /**
   * Blocks until {@code describeCluster} lists node {@code nodeId} (this broker).
   *
   * @param clientProperties security and other client settings the listener needs
   * @throws EmbeddedKafkaException if no answer came within {@code timeout}
   */
  static void awaitMetadata(String bootstrapServers, Map<String, Object> clientProperties, Duration timeout,
      int nodeId) {
    int timeoutMs = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    Map<String, Object> config = new HashMap<>(clientProperties);
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(timeoutMs, 5_000));
    config.put(AdminClientConfig.CLIENT_ID_CONFIG, "kefu-embedded-kafka-readiness");
    try (Admin admin = Admin.create(config)) {
      Collection<Node> nodes = admin.describeCluster().nodes().get(timeoutMs, TimeUnit.MILLISECONDS);
      if (nodes.stream().noneMatch(node -> node.id() == nodeId)) {
        throw new EmbeddedKafkaException("broker at " + bootstrapServers + " answered metadata without node "
            + nodeId + ": " + nodes);
      }
    } catch (ExecutionException e) {
      throw new EmbeddedKafkaException("broker at " + bootstrapServers + " did not answer metadata: "
          + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new EmbeddedKafkaException(
          "broker at " + bootstrapServers + " did not answer metadata within " + timeout, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EmbeddedKafkaException("interrupted while waiting for the broker at " + bootstrapServers, e);
    }
  }
}
