package io.kefu.chaos.scenario;

import io.kefu.chaos.child.ReplyServiceChild;
import io.kefu.chaos.env.ChaosEnvironment;
import io.kefu.chaos.process.ChildJvm;
import io.kefu.chaos.process.ChildProcess;
import io.kefu.chaos.process.ChildSpec;
import io.kefu.reply.ReplySettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reply-service instances of one consumer group, each launched as a {@link ReplyServiceChild} process with a
 * settings file in the run directory; closing the fleet kills every instance still running.
 */
public final class ReplyFleet implements AutoCloseable {
  /** A poll whose transaction did not commit (the reply loop's WARN line). */
  public static final String NOT_COMMITTED = "records not committed";
  /** The producer was fenced or its epoch bumped and it was rebuilt. */
  public static final String PRODUCER_REBUILT = "producer cannot continue after";
  /** The consumer's generation was stale when it committed offsets in the transaction. */
  public static final String COMMIT_FAILED = "CommitFailedException";
  /** The instance took partitions in a rebalance. */
  public static final String ASSIGNED = "Adding newly assigned partitions";
  private static final List<String> WATCHED = List.of(ReplyServiceChild.STARTED, NOT_COMMITTED, PRODUCER_REBUILT,
      COMMIT_FAILED, ASSIGNED, "ProducerFencedException", "InvalidProducerEpochException", "FencedInstanceIdException");

  private final ChaosEnvironment env;
  private final Path modelStore;
  private final String group;
  private final Map<String, String> settings;
  private final List<ChildProcess> launched = new ArrayList<>();

  /**
   * @param modelStore the model store the instances serve the base model from
   * @param group their consumer group
   * @param settings more settings for every instance ({@code kafka.session.timeout.ms} ...), over the fleet's
   */
  public ReplyFleet(ChaosEnvironment env, Path modelStore, String group, Map<String, String> settings) {
    this.env = env;
    this.modelStore = modelStore;
    this.group = group;
    this.settings = Map.copyOf(settings);
  }

  /**
   * Launches instance {@code instanceId}; an instance launched again under the same id takes over its
   * transactional.id, fencing and aborting whatever its killed predecessor left open.
   */
  public ChildProcess launch(String instanceId) {
    Path settingsFile = writeSettings(instanceId);
    ChildProcess child = ChildProcess.launch(new ChildSpec(instanceId, ReplyServiceChild.class,
        List.of(settingsFile.toString()), ChildJvm.serviceOptions(), ChildProcess.quietNativeThreads(),
        env.logDirectory().resolve(instanceId + ".log"), WATCHED));
    launched.add(child);
    return child;
  }

  private Path writeSettings(String instanceId) {
    Map<String, String> all = new LinkedHashMap<>();
    all.put("bootstrap.servers", env.bootstrapServers());
    all.put("schema.registry.url", env.registryUrl());
    all.put("topic.prefix", env.topicPrefix());
    all.put("data.dir", env.runDirectory().resolve("data-" + instanceId).toString());
    all.put(ReplySettings.MODEL_STORE_DIR, modelStore.toAbsolutePath().toString());
    all.put(ReplySettings.MODEL_DEVICE, "cpu");
    all.put(ReplySettings.GROUP_ID, group);
    all.put(ReplySettings.INSTANCE_ID, instanceId);
    all.put(ReplySettings.HTTP_PORT, "0");
    all.put(ReplySettings.MAX_NEW_TOKENS, "16");
    all.put(ReplySettings.MAX_POLL_RECORDS, "64");
    all.put(ReplySettings.RETRY_BACKOFF, "200ms");
    all.putAll(settings);
    return ChildJvm.writeSettings(env.runDirectory().resolve(instanceId + ".properties"), all,
        "settings of reply-service instance " + instanceId + " in a chaos run");
  }

  /** The consumer group of the fleet. */
  public String group() {
    return group;
  }

  /** Kills every instance still running. */
  @Override
  public void close() {
    RuntimeException failure = null;
    for (ChildProcess child : launched) {
      try {
        child.close();
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    launched.clear();
    if (failure != null) {
      throw failure;
    }
  }
}
