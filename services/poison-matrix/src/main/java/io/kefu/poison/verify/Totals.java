package io.kefu.poison.verify;

/**
 * The counts of a run.
 *
 * @param inputsTried poison cases tried
 * @param goodMessages good customer messages written (around the cases and before them)
 * @param goodRatings good ratings written around the feedback cases
 * @param recordsIn records written to customer-messages and feedback (good and poison)
 * @param recordsOut records the services committed: replies, dead letters and training examples
 * @param lost records in that must have an outcome and have none
 * @param duplicated records in with more than one outcome
 * @param replies records on agent-replies (model and holding replies)
 * @param expectedReplies good messages plus cases expected to be answered or handed off
 * @param deadLetters records on both dead-letter topics
 * @param expectedDeadLetters cases expected to be dead-lettered
 * @param examples records on training-examples
 * @param expectedExamples good ratings plus cases expected to become a training example
 */
public record Totals(int inputsTried, int goodMessages, int goodRatings, int recordsIn, int recordsOut, int lost, int duplicated, int replies,
    int expectedReplies, int deadLetters, int expectedDeadLetters, int examples, int expectedExamples) {}
