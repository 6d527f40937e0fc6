package io.kefu.simulator;

/**
 * One reply a simulated customer rated.
 *
 * @param customer who asked
 * @param replyId the reply's id
 * @param modelVersion the version that wrote it (null for a human reply)
 * @param reply the reply text
 * @param assessment what the customer noticed
 * @param stars the rating sent
 */
public record RatedReply(SimulatedCustomer customer, String replyId, String modelVersion, String reply,
    ReplyAssessment assessment, int stars) {}
