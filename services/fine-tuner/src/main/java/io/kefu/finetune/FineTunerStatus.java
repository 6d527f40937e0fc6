package io.kefu.finetune;

/**
 * What the fine-tuner is doing, for health checks and the dashboard.
 *
 * @param state its phase
 * @param bufferedExamples new examples waiting for the next run
 * @param paused whether operators paused training
 * @param runs runs published since start
 * @param lastOutcome the last published version and its status, or null
 * @param failure why it stopped, or null
 */
public record FineTunerStatus(State state, int bufferedExamples, boolean paused, long runs, String lastOutcome,
    String failure) {

  /** The fine-tuner's phases. */
  public enum State {
    STARTING,
    WAITING,
    TRAINING,
    PUBLISHING,
    STOPPED,
    FAILED
  }
}
