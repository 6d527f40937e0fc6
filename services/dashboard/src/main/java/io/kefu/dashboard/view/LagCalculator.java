package io.kefu.dashboard.view;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/** Turns committed offsets per consumer group and the partitions' end offsets into lag rows. */
public final class LagCalculator {
  private LagCalculator() {}

  /**
   * One row per group and partition the group committed, sorted by group, topic and partition; a partition whose end
   * offset is unknown has a null lag, and a committed offset past the end (a truncated log) counts as no lag.
   *
   * @param committedByGroup committed offset of each partition, per group
   * @param endOffsets end offset of each partition (the last stable offset for read_committed readers)
   */
  public static List<LagRow> compute(Map<String, Map<TopicPartition, Long>> committedByGroup,
      Map<TopicPartition, Long> endOffsets) {
    List<LagRow> rows = new ArrayList<>();
    committedByGroup.forEach((group, committed) -> committed.forEach((tp, offset) -> {
      Long end = endOffsets.get(tp);
      Long lag = end == null ? null : Math.max(0, end - offset);
      rows.add(new LagRow(group, tp.topic(), tp.partition(), offset, end, lag));
    }));
    rows.sort(Comparator.comparing(LagRow::group).thenComparing(LagRow::topic).thenComparingInt(LagRow::partition));
    return rows;
  }

  /**
   * How far one consumer group is behind on one partition.
   *
   * @param group the consumer group
   * @param topic the topic
   * @param partition the partition
   * @param committed the group's committed offset
   * @param end the partition's end offset, or null when unknown
   * @param lag records between them, or null when the end is unknown
   */
  public record LagRow(String group, String topic, int partition, long committed, Long end, Long lag) {}
}
