package io.kefu.poison.run;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Utils;

/**
 * The partition of the feedback stream's replyId-keyed repartition topics a replyId lands in (Kafka's default
 * partitioning of the UTF-8 key: murmur2, positive, modulo the partition count), which names the join task.
 */
final class JoinPartitions {
  private final int partitions;

  JoinPartitions(int partitions) {
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be >= 1, was " + partitions);
    }
    this.partitions = partitions;
  }

  int of(String replyId) {
    return Utils.toPositive(Utils.murmur2(replyId.getBytes(StandardCharsets.UTF_8))) % partitions;
  }
}
