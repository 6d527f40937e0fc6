package io.kefu.chaos.child;

import io.kefu.kafka.embedded.ControllerQuorum;
import io.kefu.kafka.embedded.EmbeddedKafkaBroker;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

/**
 * {@code BrokerNodeChild <node.properties>}: one node (broker and controller) of a multi-node Kafka cluster as its own
 * OS process, so that a chaos run can kill it with SIGKILL. The file names the node ({@value #NODE_ID}), its data
 * directory ({@value #DATA_DIR}), client port ({@value #PORT}), the quorum's voters ({@value #VOTERS}, {@code
 * id@port,...}) and the cluster id ({@value #CLUSTER_ID}); every {@value #BROKER_PREFIX}{@code key} becomes a server
 * property. Prints {@link #STARTED} once the node answers metadata and stops cleanly on SIGTERM.
 */
public final class BrokerNodeChild {
  /** Printed once the node has started. */
  public static final String STARTED = "kefu-chaos-child: broker node started";
  public static final String NODE_ID = "node.id";
  public static final String DATA_DIR = "data.dir";
  public static final String PORT = "port";
  public static final String VOTERS = "voters";
  public static final String CLUSTER_ID = "cluster.id";
  public static final String BROKER_PREFIX = "broker.";

  private BrokerNodeChild() {}

  public static void main(String[] args) throws InterruptedException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: BrokerNodeChild <node.properties>; was given " + args.length
          + " arguments");
    }
    Properties file = read(Path.of(args[0]));
    int nodeId = Integer.parseInt(required(file, NODE_ID));
    Map<String, String> serverProperties = new LinkedHashMap<>();
    for (String key : file.stringPropertyNames()) {
      if (key.startsWith(BROKER_PREFIX)) {
        serverProperties.put(key.substring(BROKER_PREFIX.length()), file.getProperty(key));
      }
    }
    EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder()
        .setDataDirectory(Path.of(required(file, DATA_DIR)))
        .optPort(Integer.parseInt(required(file, PORT)))
        .optClusterId(required(file, CLUSTER_ID))
        .optQuorum(ControllerQuorum.parse(nodeId, required(file, VOTERS)))
        .optBrokerProperties(serverProperties)
        .optStartupTimeout(Duration.ofMinutes(3))
        .build();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      broker.stop();
      stopped.countDown();
    }, "kefu-chaos-broker-stop"));
    broker.start();
    System.out.println(STARTED + ": node " + nodeId + " at " + broker.bootstrapServers());
    System.out.flush();
    stopped.await();
  }

  private static Properties read(Path file) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the node's settings " + file, e);
    }
    return properties;
  }

  private static String required(Properties file, String key) {
    String value = file.getProperty(key);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("the node's settings lack '" + key + "'");
    }
    return value.trim();
  }
}
