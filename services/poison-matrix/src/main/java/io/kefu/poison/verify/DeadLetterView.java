package io.kefu.poison.verify;

/**
 * A committed dead-letter record as its headers and bytes describe it.
 *
 * @param dlqTopic the dead-letter topic it is on
 * @param reason {@code kefu.dlq.reason}
 * @param detail {@code kefu.dlq.detail}
 * @param service {@code kefu.dlq.service}
 * @param sourceTopic {@code kefu.dlq.source.topic}
 * @param sourcePartition {@code kefu.dlq.source.partition}
 * @param sourceOffset {@code kefu.dlq.source.offset}
 * @param key the original key bytes
 * @param value the original value bytes
 */
public record DeadLetterView(String dlqTopic, String reason, String detail, String service, String sourceTopic,
    int sourcePartition, long sourceOffset, byte[] key, byte[] value) {}
