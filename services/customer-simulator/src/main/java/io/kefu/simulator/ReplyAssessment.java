package io.kefu.simulator;

/**
 * What a customer notices about a reply.
 *
 * @param rightIntent the reply answers what the customer asked about
 * @param namesOrderNumber the reply names the customer's order number
 * @param concreteNextStep the reply says what happens next (a date, an action, a link, a reference)
 */
public record ReplyAssessment(boolean rightIntent, boolean namesOrderNumber, boolean concreteNextStep) {}
