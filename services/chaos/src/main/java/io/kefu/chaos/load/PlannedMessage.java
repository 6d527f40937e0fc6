package io.kefu.chaos.load;

import io.kefu.contract.Channel;
import io.kefu.contract.CustomerMessage;
import io.kefu.contract.Locale;
import java.time.Instant;
import java.util.Map;

/**
 * One customer message a run will send.
 *
 * @param conversationId its conversation (the record key)
 * @param messageId its id, unique in the run
 * @param index its position in the conversation, from 0
 * @param text what the customer writes
 * @param locale its language
 */
public record PlannedMessage(String conversationId, String messageId, int index, String text, Locale locale) {

  /** The message as a chat platform would produce it, sent at {@code sentAt}. */
  public CustomerMessage toRecord(Instant sentAt) {
    return CustomerMessage.newBuilder()
        .setMessageId(messageId)
        .setConversationId(conversationId)
        .setCustomerId("customer-" + conversationId)
        .setText(text)
        .setLocale(locale)
        .setChannel(Channel.SIMULATOR)
        .setSentAt(sentAt)
        .setAttributes(Map.of())
        .build();
  }
}
