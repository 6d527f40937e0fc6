/**
 * The consume-transform-produce pipeline: admitting records, answering each conversation's messages in order while
 * conversations proceed independently, and committing finished outcomes with the consumer offsets in short Kafka
 * transactions ({@link io.kefu.reply.pipeline.PipelinedReplyLoop}).
 */
package io.kefu.reply.pipeline;
