package io.kefu.poison.cases;

/** What a record must end in. */
public enum Outcome {
  /** One AgentReply to the message: a model reply, or a holding reply with a handoff of any reason. */
  ANSWERED,
  /** One holding AgentReply and a HandoffRequest with the expected reason. */
  HANDOFF,
  /** One dead-letter record with the expected reason whose source headers point at the record. */
  DLQ,
  /** A resent messageId: nothing new, the message it repeats answered exactly once, no dead letter. */
  SKIPPED_DUPLICATE,
  /** One training example of the rated reply, with the rating's stars. */
  TRAINING_EXAMPLE,
  /** A rating delivered twice: still exactly one training example of the reply, no dead letter. */
  IGNORED_DUPLICATE
}
