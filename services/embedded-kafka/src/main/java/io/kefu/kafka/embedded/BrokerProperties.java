package io.kefu.kafka.embedded;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The server properties of the single-node KRaft broker: the settings the embedded broker manages itself (roles,
 * node id, listeners, quorum, directories), single-node defaults, and the caller's extra properties on top.
 */
final class BrokerProperties {
  static final int NODE_ID = 1;
  static final String CLIENT_LISTENER = "CLIENT";
  static final String CONTROLLER_LISTENER = "CONTROLLER";

  /** Keys derived from the builder's settings; an extra property may not override them. */
  static final Set<String> MANAGED_KEYS = Set.of(
      "process.roles", "node.id", "broker.id", "listeners", "advertised.listeners", "controller.listener.names",
      "controller.quorum.voters", "controller.quorum.bootstrap.servers", "log.dir", "log.dirs", "metadata.log.dir");

  private BrokerProperties() {}

  /** Throws if an extra property names a key that the embedded broker manages. */
  static void checkExtras(Map<String, String> extras) {
    Set<String> clashes = new TreeSet<>(extras.keySet());
    clashes.retainAll(MANAGED_KEYS);
    if (!clashes.isEmpty()) {
      throw new IllegalArgumentException("broker properties " + clashes + " are managed by EmbeddedKafkaBroker "
          + "(use optHost/optPort/optControllerPort/setDataDirectory); managed keys: " + new TreeSet<>(MANAGED_KEYS));
    }
  }

  /** Throws if an extra property names a key that {@code security} sets. */
  static void checkExtrasAgainst(BrokerSecurity security, Map<String, String> extras) {
    Set<String> clashes = new TreeSet<>(extras.keySet());
    clashes.retainAll(security.brokerProperties().keySet());
    if (!clashes.isEmpty()) {
      throw new IllegalArgumentException("broker properties " + clashes + " are set by optSecurity(BrokerSecurity);"
          + " drop them from the extra properties or leave security off");
    }
  }

  /** Every server property for one start of an unsecured broker; {@code extras} win over the defaults. */
  static Map<String, String> build(
      String host, int listenerPort, int controllerPort, BrokerDataDirectory directory, Map<String, String> extras) {
    return build(host, listenerPort, controllerPort, directory, extras, Optional.empty());
  }

  /**
   * Every server property for one start: the defaults, then {@code security}'s properties, then {@code extras}
   * (which may not repeat a managed or security key).
   */
  static Map<String, String> build(String host, int listenerPort, int controllerPort, BrokerDataDirectory directory,
      Map<String, String> extras, Optional<BrokerSecurity> security) {
    return build(host, listenerPort, controllerPort, directory, extras, security, Optional.empty());
  }

  /**
   * Every server property for one start of a node of {@code quorum} (empty: the single node {@link #NODE_ID}, the
   * only voter, on {@code controllerPort}).
   */
  static Map<String, String> build(String host, int listenerPort, int controllerPort, BrokerDataDirectory directory,
      Map<String, String> extras, Optional<BrokerSecurity> security, Optional<ControllerQuorum> quorum) {
    checkExtras(extras);
    security.ifPresent(s -> checkExtrasAgainst(s, extras));
    Map<String, String> props = new LinkedHashMap<>();
    props.putAll(singleNodeDefaults());
    security.ifPresent(s -> props.putAll(s.brokerProperties()));
    props.putAll(extras);
    props.put("process.roles", "broker,controller");
    props.put("node.id", Integer.toString(quorum.map(ControllerQuorum::nodeId).orElse(NODE_ID)));
    props.put("listeners", CLIENT_LISTENER + "://" + host + ":" + listenerPort + ","
        + CONTROLLER_LISTENER + "://" + host + ":" + controllerPort);
    props.put("advertised.listeners", CLIENT_LISTENER + "://" + host + ":" + listenerPort);
    props.put("controller.listener.names", CONTROLLER_LISTENER);
    // A static quorum: voter endpoints live in config, not in the metadata log, so a single node's controller port
    // may change from one start to the next (a cluster's must not: the other nodes dial it).
    props.put("controller.quorum.voters",
        quorum.map(q -> q.votersProperty(host)).orElse(NODE_ID + "@" + host + ":" + controllerPort));
    props.put("log.dirs", directory.logDirectory().toString());
    props.put("metadata.log.dir", directory.logDirectory().toString());
    return props;
  }

  /** Defaults for one broker that is also the only controller; each may be overridden by an extra property. */
  static Map<String, String> singleNodeDefaults() {
    Map<String, String> defaults = new LinkedHashMap<>();
    defaults.put("listener.security.protocol.map", CLIENT_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
    defaults.put("inter.broker.listener.name", CLIENT_LISTENER);
    defaults.put("auto.create.topics.enable", "false");
    defaults.put("num.partitions", "1");
    defaults.put("default.replication.factor", "1");
    defaults.put("min.insync.replicas", "1");
    defaults.put("offsets.topic.replication.factor", "1");
    defaults.put("offsets.topic.num.partitions", "10");
    defaults.put("transaction.state.log.replication.factor", "1");
    defaults.put("transaction.state.log.min.isr", "1");
    defaults.put("transaction.state.log.num.partitions", "10");
    defaults.put("share.coordinator.state.topic.replication.factor", "1");
    defaults.put("share.coordinator.state.topic.min.isr", "1");
    defaults.put("group.initial.rebalance.delay.ms", "0");
    // Index files are preallocated (sparse) at this size per segment; 1 MiB still indexes ~500 MB of records.
    defaults.put("log.index.size.max.bytes", Integer.toString(1024 * 1024));
    defaults.put("log.segment.bytes", Integer.toString(64 * 1024 * 1024));
    defaults.put("num.network.threads", "2");
    defaults.put("num.io.threads", "4");
    defaults.put("num.recovery.threads.per.data.dir", "2");
    // Faster registration and unfencing of the broker with its co-located controller.
    defaults.put("broker.heartbeat.interval.ms", "500");
    return defaults;
  }
}
