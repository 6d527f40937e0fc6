/**
 * Conversation memory: each conversation's recent turns and answered messageIds, kept in memory for the owned
 * partitions and made durable as snapshots on the compacted conversation-turns topic.
 */
package io.kefu.reply.memory;
