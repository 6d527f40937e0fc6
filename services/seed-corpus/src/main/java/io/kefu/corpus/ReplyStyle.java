package io.kefu.corpus;

/** How an agent reply is written; rating-driven fine-tuning should move the model from TERSE to COMPLETE. */
public enum ReplyStyle {
  /** Short and correct, but vague about what happens next. */
  TERSE,
  /** Names the order or slot when there is one and gives a concrete next step (time frame, link). */
  COMPLETE,
  /** A reply written for another intent: a negative example. */
  WRONG
}
