package io.kefu.chaos.verify;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;

/** Who holds partitions in a consumer group, as the group coordinator describes it. */
public final class GroupMembers {
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

  private final Admin admin;

  public GroupMembers(Admin admin) {
    this.admin = admin;
  }

  /** The client ids of the members of {@code group} that hold at least one partition, sorted. */
  public List<String> withPartitions(String group) {
    try {
      ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).describedGroups().get(group)
          .get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      return description.members().stream().filter(m -> !m.assignment().topicPartitions().isEmpty())
          .map(MemberDescription::clientId).sorted().toList();
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot describe group " + group + ": " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("Kafka did not describe group " + group + " within " + CALL_TIMEOUT, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while describing group " + group, e);
    }
  }

  /**
   * Waits until exactly {@code count} members of {@code group} hold partitions, asking every {@code every}.
   *
   * @return how long it took, or empty when {@code timeout} passed first
   */
  public java.util.Optional<Duration> awaitHolding(String group, int count, Duration timeout, Duration every)
      throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (withPartitions(group).size() == count) {
        return java.util.Optional.of(Duration.ofNanos(System.nanoTime() - start));
      }
      TimeUnit.NANOSECONDS.sleep(every.toNanos()); // membership is only observable by asking again
    }
    return java.util.Optional.empty();
  }
}
