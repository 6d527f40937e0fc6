package io.kefu.chaos.verify;

/**
 * One answer read back from agent-replies: every message gets one reply, a holding reply when it was handed off.
 *
 * @param conversationId the conversation (the record key)
 * @param inReplyTo the messageId it answers
 * @param handedOff true for a holding reply of a handoff
 */
public record Answer(String conversationId, String inReplyTo, boolean handedOff) {}
