package io.kefu.reply.validate;

import io.kefu.contract.CustomerMessage;
import io.kefu.contract.Locale;
import java.util.Optional;

/**
 * Checks a decoded customer message against the {@link InputLimits} and the topic's keying rule.
 *
 * <p>Checks run in a fixed order and the first failure wins: conversationId length, key, messageId, locale, empty
 * text, text length.
 */
public final class MessageValidator {
  private final InputLimits limits;

  public MessageValidator(InputLimits limits) {
    this.limits = limits;
  }

  /** Returns why {@code message} (read under {@code key}) cannot be answered, or empty when it can. */
  public Optional<InvalidMessageException> check(String key, CustomerMessage message) {
    String conversationId = message.getConversationId();
    if (conversationId.isBlank() || conversationId.length() > limits.maxConversationIdChars()) {
      return fail(InvalidMessageReason.CONVERSATION_ID_TOO_LONG, "conversationId must be 1.."
          + limits.maxConversationIdChars() + " chars and not blank, was " + conversationId.length() + " chars");
    }
    if (key == null || !key.equals(conversationId)) {
      return fail(InvalidMessageReason.KEY_MISMATCH, "record key must equal conversationId '" + conversationId
          + "', was " + (key == null ? "null" : "'" + abbreviate(key) + "'"));
    }
    String messageId = message.getMessageId();
    if (messageId.isBlank() || messageId.length() > limits.maxMessageIdChars()) {
      return fail(InvalidMessageReason.INVALID_MESSAGE_ID, "messageId must be 1.." + limits.maxMessageIdChars()
          + " chars and not blank, was " + messageId.length() + " chars");
    }
    if (message.getLocale() == null || message.getLocale() == Locale.UNKNOWN) {
      return fail(InvalidMessageReason.UNKNOWN_LOCALE, "locale must be one of EN, ZH, was " + message.getLocale());
    }
    String text = message.getText();
    if (isEmpty(text)) {
      return fail(InvalidMessageReason.EMPTY_TEXT, "text has no visible character (" + text.length() + " chars)");
    }
    int codePoints = text.codePointCount(0, text.length());
    if (codePoints > limits.maxMessageChars()) {
      return fail(InvalidMessageReason.TEXT_TOO_LONG, "text must be at most " + limits.maxMessageChars()
          + " code points, was " + codePoints);
    }
    return Optional.empty();
  }

  /** True when no code point is visible: whitespace, no-break and ideographic spaces, controls and format marks. */
  static boolean isEmpty(String text) {
    return text.codePoints().allMatch(cp -> Character.isWhitespace(cp) || Character.isSpaceChar(cp)
        || Character.getType(cp) == Character.CONTROL || Character.getType(cp) == Character.FORMAT);
  }

  private static Optional<InvalidMessageException> fail(InvalidMessageReason reason, String detail) {
    return Optional.of(new InvalidMessageException(reason, detail));
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 80) + "…";
  }
}
