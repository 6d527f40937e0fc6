package io.kefu.reply.validate;

/** Why a well-formed CustomerMessage cannot be answered; the names are what the DLQ reason header carries. */
public enum InvalidMessageReason {
  /** The conversationId is longer than {@code reply.max.conversation.id.chars} (or blank). */
  CONVERSATION_ID_TOO_LONG,
  /** The record key is missing or differs from the conversationId, so per-conversation order is not guaranteed. */
  KEY_MISMATCH,
  /** The messageId is blank or longer than {@code reply.max.message.id.chars}. */
  INVALID_MESSAGE_ID,
  /** The locale is UNKNOWN (including symbols this service does not know). */
  UNKNOWN_LOCALE,
  /** The text is empty or has no visible character (only whitespace, no-break or ideographic spaces, controls, format marks). */
  EMPTY_TEXT,
  /** The text is longer than {@code reply.max.message.chars} code points. */
  TEXT_TOO_LONG
}
