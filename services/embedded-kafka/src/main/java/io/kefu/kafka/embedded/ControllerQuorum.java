package io.kefu.kafka.embedded;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * This node's place in a static KRaft controller quorum of several combined (broker and controller) nodes on one
 * host: its node id and every voter's controller port. Each node of the cluster is an {@link EmbeddedKafkaBroker} of
 * its own (usually in a process of its own) with its own data directory, formatted with the same cluster id.
 *
 * <p>The quorum is static ({@code controller.quorum.voters}): the controller ports must stay the same across
 * restarts, because every node dials the others' ports from its configuration. A node of a three-voter quorum
 * needs one other voter up before it can start, so start the nodes concurrently.
 *
 * @param nodeId this node's id, one of {@code controllerPorts}' keys
 * @param controllerPorts every voter's node id and controller listener port
 */
public record ControllerQuorum(int nodeId, SortedMap<Integer, Integer> controllerPorts) {

  public ControllerQuorum {
    controllerPorts = new TreeMap<>(controllerPorts);
    if (controllerPorts.isEmpty()) {
      throw new IllegalArgumentException("a controller quorum needs at least one voter");
    }
    for (Map.Entry<Integer, Integer> voter : controllerPorts.entrySet()) {
      if (voter.getKey() < 0) {
        throw new IllegalArgumentException("voter node ids must be >= 0, was " + voter.getKey());
      }
      if (voter.getValue() < 1 || voter.getValue() > 65_535) {
        throw new IllegalArgumentException("controller port of node " + voter.getKey() + " must be 1..65535, was "
            + voter.getValue());
      }
    }
    if (!controllerPorts.containsKey(nodeId)) {
      throw new IllegalArgumentException("node " + nodeId + " is not one of the quorum's voters " + controllerPorts
          .keySet());
    }
    if (controllerPorts.values().stream().distinct().count() != controllerPorts.size()) {
      throw new IllegalArgumentException("every voter needs a controller port of its own, were " + controllerPorts);
    }
  }

  /** Parses {@code id@port,id@port,...} (the host is the broker's own), with this node's {@code nodeId}. */
  public static ControllerQuorum parse(int nodeId, String voters) {
    SortedMap<Integer, Integer> ports = new TreeMap<>();
    for (String voter : voters.split(",")) {
      String[] parts = voter.trim().split("@");
      try {
        if (parts.length != 2 || ports.put(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()))
            != null) {
          throw new NumberFormatException("duplicate or malformed voter");
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("controller voters must read 'id@port,id@port,...' with distinct ids,"
            + " was '" + voters + "'", e);
      }
    }
    return new ControllerQuorum(nodeId, ports);
  }

  /** This node's controller port. */
  public int controllerPort() {
    return controllerPorts.get(nodeId);
  }

  /** The number of voters. */
  public int size() {
    return controllerPorts.size();
  }

  /** The {@code controller.quorum.voters} value with every voter on {@code host}. */
  String votersProperty(String host) {
    return controllerPorts.entrySet().stream().map(v -> v.getKey() + "@" + host + ":" + v.getValue())
        .collect(Collectors.joining(","));
  }

  /** The {@code id@port,...} form {@link #parse} reads. */
  public String votersSpec() {
    return controllerPorts.entrySet().stream().map(v -> v.getKey() + "@" + v.getValue())
        .collect(Collectors.joining(","));
  }
}
