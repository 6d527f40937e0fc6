package io.kefu.feedback;

/**
 * Whether the feedback stream is working.
 *
 * @param up true while Kafka Streams is running or rebalancing
 * @param state the Kafka Streams state ({@code CREATED}, {@code RUNNING}, {@code ERROR}, ...)
 */
public record FeedbackHealth(boolean up, String state) {
  /** Ready to process records: Kafka Streams is RUNNING (not rebalancing, restoring or stopped). */
  public boolean ready() {
    return "RUNNING".equals(state);
  }

  /** "UP" or "DOWN". */
  public String status() {
    return up ? "UP" : "DOWN";
  }
}
