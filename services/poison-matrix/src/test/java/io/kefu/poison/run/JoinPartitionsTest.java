package io.kefu.poison.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

class JoinPartitionsTest {

  @Test
  void shouldPutAReplyIdWhereKafkasDefaultPartitionerPutsItsKey() {
    JoinPartitions partitions = new JoinPartitions(6);
    for (int i = 0; i < 500; i++) {
      String replyId = "reply-" + i;
      assertThat(partitions.of(replyId))
          .isEqualTo(BuiltInPartitioner.partitionForKey(replyId.getBytes(StandardCharsets.UTF_8), 6));
    }
  }
}
