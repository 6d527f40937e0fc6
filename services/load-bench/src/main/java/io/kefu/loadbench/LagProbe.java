package io.kefu.loadbench;

import io.kefu.kafka.admin.GroupLag;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;

/** Reads a consumer group's lag on a topic: end offsets minus the group's committed offsets, summed over partitions. */
public final class LagProbe implements AutoCloseable {
  private final Admin admin;
  private final GroupLag lag;
  private final String group;
  private final String topic;

  /** A probe of {@code group} on {@code topic}. */
  public LagProbe(Map<String, Object> clientProperties, String group, String topic) {
    this.admin = Admin.create(clientProperties);
    this.lag = new GroupLag(admin);
    this.group = group;
    this.topic = topic;
  }

  /** The group's lag now, in records. */
  public long lag() {
    return lag.of(group, topic);
  }

  @Override
  public void close() {
    admin.close();
  }
}
