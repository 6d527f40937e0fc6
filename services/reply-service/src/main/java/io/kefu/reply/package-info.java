/**
 * The reply service: consumes customer messages, answers them with Kefu's language model or hands them to a
 * person, and writes replies, handoffs, dead letters and conversation memory exactly once with Kafka transactions.
 */
package io.kefu.reply;
