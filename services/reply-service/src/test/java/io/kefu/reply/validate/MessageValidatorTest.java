package io.kefu.reply.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.contract.Channel;
import io.kefu.contract.CustomerMessage;
import io.kefu.contract.Locale;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MessageValidatorTest {
  private final MessageValidator validator = new MessageValidator(new InputLimits(10, 12, 8));

  private static CustomerMessage message(String conversationId, String messageId, String text, Locale locale) {
    return CustomerMessage.newBuilder()
        .setMessageId(messageId)
        .setConversationId(conversationId)
        .setCustomerId(null)
        .setText(text)
        .setLocale(locale)
        .setChannel(Channel.WEB)
        .setSentAt(Instant.ofEpochMilli(1_700_000_000_000L))
        .setAttributes(Map.of())
        .build();
  }

  private Optional<InvalidMessageReason> reasonFor(String key, CustomerMessage message) {
    return validator.check(key, message).map(InvalidMessageException::reason);
  }

  @Test
  void shouldAcceptAMessageWithinEveryLimit() {
    // Given a message whose key is its conversationId and whose text is 10 code points
    CustomerMessage message = message("conv-1", "m-1", "where is 4", Locale.EN);

    // When / Then
    assertThat(validator.check("conv-1", message)).isEmpty();
  }

  @Test
  void shouldCountTextInCodePointsSoChineseAndEmojiCountOnce() {
    // Given 10 code points, 4 of which are emoji taking two chars each (14 chars)
    String text = "退货😀😀😀😀请帮我谢";
    assertThat(text.length()).isEqualTo(14);

    // When / Then: exactly at the limit is fine, one more is too long
    assertThat(reasonFor("c", message("c", "m", text, Locale.ZH))).isEmpty();
    assertThat(reasonFor("c", message("c", "m", text + "。", Locale.ZH))).contains(InvalidMessageReason.TEXT_TOO_LONG);
  }

  @Test
  void shouldRefuseEmptyAndInvisibleText() {
    // Given texts with no visible character: empty, ASCII whitespace, no-break, ideographic and zero-width spaces
    for (String text : new String[] {"", "   ", "\t\n\r", "\u00a0", "\u3000\u3000", "\u200b", "\ufeff \u2028"}) {
      // When / Then
      assertThat(reasonFor("c", message("c", "m", text, Locale.EN))).as("text %s", text.codePoints().boxed().toList())
          .contains(InvalidMessageReason.EMPTY_TEXT);
    }
  }

  @Test
  void shouldRefuseTheUnknownLocale() {
    assertThat(reasonFor("c", message("c", "m", "hello", Locale.UNKNOWN))).contains(InvalidMessageReason.UNKNOWN_LOCALE);
  }

  @Test
  void shouldRefuseAKeyThatIsNotTheConversationId() {
    // Given the same message read under a missing key and under another conversation's key
    CustomerMessage message = message("conv-1", "m", "hello", Locale.EN);

    // When / Then
    assertThat(reasonFor(null, message)).contains(InvalidMessageReason.KEY_MISMATCH);
    assertThat(reasonFor("conv-2", message)).contains(InvalidMessageReason.KEY_MISMATCH);
    assertThat(validator.check("conv-2", message).orElseThrow())
        .hasMessage("record key must equal conversationId 'conv-1', was 'conv-2'");
  }

  @Test
  void shouldRefuseAConversationIdOverItsLimitOrBlank() {
    String thirteen = "c".repeat(13);
    assertThat(reasonFor(thirteen, message(thirteen, "m", "hi", Locale.EN)))
        .contains(InvalidMessageReason.CONVERSATION_ID_TOO_LONG);
    assertThat(reasonFor(" ", message(" ", "m", "hi", Locale.EN)))
        .contains(InvalidMessageReason.CONVERSATION_ID_TOO_LONG);
    assertThat(reasonFor("c".repeat(12), message("c".repeat(12), "m", "hi", Locale.EN))).isEmpty();
  }

  @Test
  void shouldRefuseABlankOrOverlongMessageId() {
    assertThat(reasonFor("c", message("c", "", "hi", Locale.EN))).contains(InvalidMessageReason.INVALID_MESSAGE_ID);
    assertThat(reasonFor("c", message("c", "m".repeat(9), "hi", Locale.EN)))
        .contains(InvalidMessageReason.INVALID_MESSAGE_ID);
  }

  @Test
  void shouldReportTheFirstFailingCheckInTheDocumentedOrder() {
    // Given a message failing every check: long conversationId, wrong key, blank id, unknown locale, empty text
    CustomerMessage message = message("c".repeat(13), "", " ", Locale.UNKNOWN);

    // When / Then: conversationId length comes first, then the key, and so on
    assertThat(reasonFor("other", message)).contains(InvalidMessageReason.CONVERSATION_ID_TOO_LONG);
    CustomerMessage shorter = message("conv", "", " ", Locale.UNKNOWN);
    assertThat(reasonFor("other", shorter)).contains(InvalidMessageReason.KEY_MISMATCH);
    assertThat(reasonFor("conv", shorter)).contains(InvalidMessageReason.INVALID_MESSAGE_ID);
    assertThat(reasonFor("conv", message("conv", "m", " ", Locale.UNKNOWN))).contains(InvalidMessageReason.UNKNOWN_LOCALE);
    assertThat(reasonFor("conv", message("conv", "m", " ", Locale.EN))).contains(InvalidMessageReason.EMPTY_TEXT);
  }
}
