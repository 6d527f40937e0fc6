package io.kefu.dashboard.action;

/**
 * Proof that an action's record is stored in Kafka.
 *
 * @param kind what was done, e.g. {@code PROMOTE} or {@code ANSWER}
 * @param id the command id or reply id written
 * @param topic where it was written
 * @param partition its partition
 * @param offset its offset
 */
public record ActionReceipt(String kind, String id, String topic, int partition, long offset) {}
