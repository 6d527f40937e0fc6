package io.kefu.feedback.errors;

import io.kefu.feedback.FeedbackCounters;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/** Finds the {@link FeedbackCounters} the service put into the Streams config for the exception handlers. */
final class HandlerCounters {
  private HandlerCounters() {}

  static FeedbackCounters from(Map<String, ?> configs, String handler) {
    Object value = configs.get(FeedbackCounters.CONFIG_KEY);
    if (value instanceof FeedbackCounters counters) {
      return counters;
    }
    throw new ConfigException(FeedbackCounters.CONFIG_KEY, value, handler + " needs a FeedbackCounters instance under "
        + FeedbackCounters.CONFIG_KEY + " in the Streams config");
  }
}
