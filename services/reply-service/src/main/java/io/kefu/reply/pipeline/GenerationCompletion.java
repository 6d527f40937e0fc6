package io.kefu.reply.pipeline;

/**
 * A generation that ended, handed from the thread that completed it to the loop thread.
 *
 * @param message the message it answered
 * @param responded the answer and new state, or null when it failed
 * @param error the failure, or null
 */
record GenerationCompletion(InFlightMessage message, MessageResponder.Responded responded, Throwable error) {}
