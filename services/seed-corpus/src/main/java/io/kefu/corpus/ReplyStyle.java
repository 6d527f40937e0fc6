package io.kefu.corpus;

/** How an agent reply is written. */
public enum ReplyStyle {
  /** Short and on the right intent, but vague: no order number, no concrete next step. */
  TERSE,
  /** Names the customer's order number when there is one, and a concrete next step (an action done, a time frame). */
  COMPLETE,
  /** A reply written for another intent: a negative example. */
  WRONG
}
