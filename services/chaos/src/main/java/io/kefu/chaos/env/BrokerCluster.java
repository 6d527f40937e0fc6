package io.kefu.chaos.env;

import io.kefu.chaos.child.BrokerNodeChild;
import io.kefu.chaos.process.ChildJvm;
import io.kefu.chaos.process.ChildProcess;
import io.kefu.chaos.process.ChildSpec;
import io.kefu.kafka.embedded.ControllerQuorum;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Kafka cluster of several nodes, each a broker and a KRaft controller in a {@link BrokerNodeChild} process of its
 * own with its own data directory, so that one can be killed with SIGKILL and started again while the others carry
 * on. Topics default to one replica per node (at most 3) and {@code min.insync.replicas} one fewer, so a cluster of
 * three keeps accepting acks=all writes, transactions included, with one node down.
 */
public final class BrokerCluster implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(BrokerCluster.class);
  private static final String HOST = "127.0.0.1";
  private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

  private final Path directory;
  private final Path logDirectory;
  private final SortedMap<Integer, Integer> clientPorts;
  private final SortedMap<Integer, Integer> controllerPorts;
  private final String clusterId;
  private final Map<Integer, ChildProcess> nodes = new TreeMap<>();

  private BrokerCluster(Path directory, Path logDirectory, SortedMap<Integer, Integer> clientPorts,
      SortedMap<Integer, Integer> controllerPorts, String clusterId) {
    this.directory = directory;
    this.logDirectory = logDirectory;
    this.clientPorts = clientPorts;
    this.controllerPorts = controllerPorts;
    this.clusterId = clusterId;
  }

  /**
   * Starts {@code size} nodes (ids 1..size) with data under {@code directory}/node-N and logs in {@code logDirectory},
   * and waits until every one answers; on failure kills what it started.
   */
  public static BrokerCluster start(Path directory, Path logDirectory, int size) {
    if (size < 2) {
      throw new IllegalArgumentException("a cluster needs at least 2 nodes, was " + size);
    }
    List<Integer> ports = freePorts(2 * size);
    SortedMap<Integer, Integer> client = new TreeMap<>();
    SortedMap<Integer, Integer> controller = new TreeMap<>();
    for (int node = 1; node <= size; node++) {
      client.put(node, ports.get(node - 1));
      controller.put(node, ports.get(size + node - 1));
    }
    BrokerCluster cluster = new BrokerCluster(directory, logDirectory, client, controller,
        Uuid.randomUuid().toString());
    try {
      // A node starts only once a majority of voters is up, so all are launched before any is awaited.
      for (int node : client.keySet()) {
        cluster.launch(node);
      }
      for (int node : client.keySet()) {
        cluster.nodes.get(node).awaitCount(BrokerNodeChild.STARTED, 1, START_TIMEOUT);
      }
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
    log.info("Kafka cluster of {} nodes at {} (cluster {}, data in {})", size, cluster.bootstrapServers(),
        cluster.clusterId, directory);
    return cluster;
  }

  /** Every node's {@code host:port}. */
  public String bootstrapServers() {
    return clientPorts.values().stream().map(port -> HOST + ":" + port).collect(Collectors.joining(","));
  }

  /** The number of nodes. */
  public int size() {
    return clientPorts.size();
  }

  /** The node ids, 1..size. */
  public List<Integer> nodeIds() {
    return List.copyOf(clientPorts.keySet());
  }

  /** The replication of topics (one replica per node, at most 3). */
  public short replication() {
    return (short) Math.min(3, size());
  }

  /**
   * Kills node {@code nodeId} with SIGKILL, leaves it down for {@code downFor}, starts it again on its data directory
   * and ports and waits until it answers; returns how long it was gone.
   */
  public Duration killAndRestart(int nodeId, Duration downFor) throws InterruptedException {
    ChildProcess node = nodes.get(nodeId);
    if (node == null) {
      throw new IllegalArgumentException("no node " + nodeId + " in the cluster " + nodeIds());
    }
    long start = System.nanoTime();
    node.kill();
    log.info("node {} of the cluster killed with SIGKILL; restarting it in {} ms", nodeId, downFor.toMillis());
    TimeUnit.MILLISECONDS.sleep(downFor.toMillis());
    launch(nodeId).awaitCount(BrokerNodeChild.STARTED, 1, START_TIMEOUT);
    return Duration.ofNanos(System.nanoTime() - start);
  }

  /**
   * Stops every node with SIGTERM (SIGKILL after 30 s). All are signalled at once: a node stopped after the others
   * would otherwise wait for a controller quorum that is gone.
   */
  @Override
  public void close() {
    RuntimeException failure = null;
    for (ChildProcess node : nodes.values()) {
      if (node.isAlive()) {
        node.terminate();
      }
    }
    for (ChildProcess node : nodes.values()) {
      try {
        if (node.isAlive()) {
          node.stop(Duration.ofSeconds(30));
        }
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    nodes.clear();
    if (failure != null) {
      throw failure;
    }
  }

  private ChildProcess launch(int nodeId) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put(BrokerNodeChild.NODE_ID, Integer.toString(nodeId));
    settings.put(BrokerNodeChild.DATA_DIR, directory.resolve("node-" + nodeId).toString());
    settings.put(BrokerNodeChild.PORT, Integer.toString(clientPorts.get(nodeId)));
    settings.put(BrokerNodeChild.VOTERS, new ControllerQuorum(nodeId, controllerPorts).votersSpec());
    settings.put(BrokerNodeChild.CLUSTER_ID, clusterId);
    String replication = Short.toString(replication());
    String minInSync = Integer.toString(Math.max(1, replication() - 1));
    Map<String, String> server = new LinkedHashMap<>();
    server.put("default.replication.factor", replication);
    server.put("min.insync.replicas", minInSync);
    server.put("offsets.topic.replication.factor", replication);
    server.put("transaction.state.log.replication.factor", replication);
    server.put("transaction.state.log.min.isr", minInSync);
    server.put("share.coordinator.state.topic.replication.factor", replication);
    server.put("share.coordinator.state.topic.min.isr", minInSync);
    server.put("group.initial.rebalance.delay.ms", "0");
    // A killed node is fenced and loses its leaderships after this long without a heartbeat (Kafka's default 9 s).
    server.put("broker.session.timeout.ms", "6000");
    server.forEach((key, value) -> settings.put(BrokerNodeChild.BROKER_PREFIX + key, value));
    String name = "broker-" + nodeId;
    Path file = ChildJvm.writeSettings(directory.resolve(name + ".properties"), settings,
        "node " + nodeId + " of a chaos run's Kafka cluster");
    ChildProcess child = ChildProcess.launch(new ChildSpec(name, BrokerNodeChild.class, List.of(file.toString()),
        List.of("-Xmx640m", "-XX:+UseSerialGC", "-Dlogback.configurationFile=kefu-chaos-child-logback.xml"),
        Map.of(), logDirectory.resolve(name + ".log"), List.of(BrokerNodeChild.STARTED)));
    nodes.put(nodeId, child);
    return child;
  }

  /** {@code count} distinct ports free on the host right now. */
  private static List<Integer> freePorts(int count) {
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        sockets.add(new ServerSocket(0, 1, InetAddress.getByName(HOST)));
      }
      return sockets.stream().map(ServerSocket::getLocalPort).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find " + count + " free ports on " + HOST, e);
    } finally {
      for (ServerSocket socket : sockets) {
        try {
          socket.close();
        } catch (IOException e) {
          log.debug("closing a port probe failed", e);
        }
      }
    }
  }
}
