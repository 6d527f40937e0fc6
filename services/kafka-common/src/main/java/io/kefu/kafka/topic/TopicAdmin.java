package io.kefu.kafka.topic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the catalogue's topics idempotently: missing topics are created, existing ones are left as they are and
 * reported when their partition count differs from the declaration.
 */
public final class TopicAdmin {
  private static final Logger log = LoggerFactory.getLogger(TopicAdmin.class);
  private static final long TIMEOUT_SECONDS = 60;
  private static final long LEADER_POLL_MS = 50;

  private final Admin admin;

  public TopicAdmin(Admin admin) {
    this.admin = admin;
  }

  /** What {@link #ensureTopics} did. */
  public record Outcome(List<String> created, List<String> existing, List<String> warnings) {}

  /** Creates every missing topic of {@code specs}; replication is capped at the number of brokers. */
  public Outcome ensureTopics(Collection<TopicSpec> specs) {
    try {
      int brokers = admin.describeCluster().nodes().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).size();
      Set<String> present = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      List<String> created = new ArrayList<>();
      List<String> existing = new ArrayList<>();
      List<String> warnings = new ArrayList<>();
      List<NewTopic> toCreate = new ArrayList<>();
      List<String> capped = new ArrayList<>();
      for (TopicSpec spec : specs) {
        if (present.contains(spec.name())) {
          existing.add(spec.name());
          continue;
        }
        short replication = (short) Math.min(spec.replication(), brokers);
        if (replication < spec.replication()) {
          capped.add(spec.name());
        }
        toCreate.add(new NewTopic(spec.name(), spec.partitions(), replication).configs(spec.configs()));
      }
      if (!toCreate.isEmpty()) {
        CreateTopicsResult result = admin.createTopics(toCreate);
        for (Map.Entry<String, org.apache.kafka.common.KafkaFuture<Void>> e : result.values().entrySet()) {
          try {
            e.getValue().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            created.add(e.getKey());
          } catch (ExecutionException ex) {
            if (ex.getCause() instanceof TopicExistsException) {
              existing.add(e.getKey()); // another instance created it between list and create
            } else {
              throw ex;
            }
          }
        }
      }
      if (!capped.isEmpty()) {
        log.info("cluster has {} broker(s): replication capped at {} for {}", brokers, brokers, capped);
      }
      checkPartitions(specs, existing, warnings);
      warnings.forEach(w -> log.warn("topic check: {}", w));
      if (!created.isEmpty()) {
        awaitLeaders(specs, created);
        log.info("created topics {}", created);
      }
      return new Outcome(created, existing, warnings);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot create Kefu topics: " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("cannot create Kefu topics: " + (e.getMessage() != null ? e.getMessage()
          : "Kafka did not answer within " + TIMEOUT_SECONDS + " s"), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating Kefu topics", e);
    }
  }

  /**
   * Waits until every partition of the new topics answers a list-offsets request from its leader; until then the
   * broker may not know the topic yet, or name a leader that does not take writes yet. A topic's metadata names its
   * leaders a moment before the leaders take writes; an idempotent producer whose first batch is refused in
   * that moment can have its later batches appended first and then retry the refused one until its delivery timeout.
   */
  private void awaitLeaders(Collection<TopicSpec> specs, List<String> topics)
      throws InterruptedException, TimeoutException {
    Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
    for (TopicSpec spec : specs) {
      if (topics.contains(spec.name())) {
        for (int p = 0; p < spec.partitions(); p++) {
          partitions.put(new TopicPartition(spec.name(), p), OffsetSpec.latest());
        }
      }
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
    while (true) {
      try {
        admin.listOffsets(partitions).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        return;
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof RetriableException)) {
          log.warn("cannot check that the leaders of {} take writes ({}); going on", topics, e.getCause().toString());
          return;
        }
        if (System.nanoTime() > deadline) {
          throw new TimeoutException("the leaders of " + topics + " did not take requests within " + TIMEOUT_SECONDS
              + " s: " + e.getCause().getMessage());
        }
        log.debug("leaders of new topics not ready yet: {}", e.getCause().toString());
        TimeUnit.MILLISECONDS.sleep(LEADER_POLL_MS); // back-off between readiness probes
      }
    }
  }

  private void checkPartitions(Collection<TopicSpec> specs, List<String> existing, List<String> warnings)
      throws ExecutionException, InterruptedException, TimeoutException {
    if (existing.isEmpty()) {
      return;
    }
    Map<String, TopicDescription> descriptions =
        admin.describeTopics(existing).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    for (TopicSpec spec : specs) {
      TopicDescription d = descriptions.get(spec.name());
      if (d != null && d.partitions().size() != spec.partitions()) {
        warnings.add(spec.name() + ": has " + d.partitions().size() + " partitions, " + spec.partitions()
            + " declared; left unchanged");
      }
    }
  }
}
