package io.kefu.feedback;

import io.kefu.kafka.config.Setting;
import io.kefu.kafka.config.SettingsProvider;
import java.util.List;

/** The settings of the feedback stream, declared for {@link io.kefu.kafka.config.KefuConfig}. */
public final class FeedbackSettings implements SettingsProvider {
  public static final String APPLICATION_ID = "feedback.application.id";
  public static final String GRACE = "feedback.grace";
  public static final String EXPIRY_INTERVAL = "feedback.expiry.interval";
  public static final String HUMAN_WEIGHT = "feedback.human.weight";
  public static final String RATING_WEIGHTS = "feedback.rating.weights";
  public static final String WINDOW_SIZE = "feedback.aggregates.window";
  public static final String WINDOW_GRACE = "feedback.aggregates.grace";
  public static final String WINDOW_RETENTION = "feedback.aggregates.retention";
  public static final String HTTP_PORT = "feedback.http.port";
  public static final String COMMIT_INTERVAL = "feedback.commit.interval";
  public static final String STREAM_THREADS = "feedback.stream.threads";
  public static final String STATE_DIR = "feedback.state.dir";

  @Override
  public String group() {
    return "feedback-stream";
  }

  @Override
  public List<Setting> settings() {
    return List.of(
        new Setting(APPLICATION_ID, "kefu-feedback-stream",
            "Kafka Streams application id (the topic prefix is put in front); names the consumer group and"
                + " internal topics."),
        new Setting(GRACE, "7d",
            "How long a rating may arrive after its reply (and a reply after its rating) and still become a"
                + " training example."),
        new Setting(EXPIRY_INTERVAL, "1m",
            "Stream-time interval at which held ratings and remembered replies older than the grace are expired."),
        new Setting(HUMAN_WEIGHT, "1.5",
            "Training weight of a reply written by a human operator, which becomes an example without a rating."),
        new Setting(RATING_WEIGHTS, "-1.0,-0.5,0.0,0.6,1.0",
            "Training weights of ratings 1,2,3,4,5 (negative: learn away from the reply)."),
        new Setting(WINDOW_SIZE, "1m", "Size of the tumbling windows of the operator aggregates."),
        new Setting(WINDOW_GRACE, "5m", "How late an event may arrive and still be counted in its aggregate window."),
        new Setting(WINDOW_RETENTION, "7d", "How long windowed aggregates stay queryable."),
        new Setting(HTTP_PORT, "8085",
            "Port of the feedback stream's HTTP API (aggregates, health, metrics); 0 picks a free port."),
        new Setting(COMMIT_INTERVAL, "100ms",
            "Kafka Streams commit interval: how often results (and exactly-once transactions) are committed."),
        new Setting(STREAM_THREADS, "1", "Number of Kafka Streams threads."),
        new Setting(STATE_DIR, null, "Directory of the local state stores; default <data.dir>/feedback-stream."));
  }
}
