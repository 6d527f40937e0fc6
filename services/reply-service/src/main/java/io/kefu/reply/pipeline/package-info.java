/**
 * The consume-transform-produce pipeline: decoding and validating a poll, answering its conversations concurrently
 * in per-conversation order, and committing outputs with the consumer offsets in one Kafka transaction.
 */
package io.kefu.reply.pipeline;
