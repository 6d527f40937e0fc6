package io.kefu.reply.testing;

import io.kefu.contract.AgentReply;
import io.kefu.contract.Channel;
import io.kefu.contract.CustomerMessage;
import io.kefu.contract.Locale;
import io.kefu.contract.Role;
import io.kefu.contract.Turn;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Customer messages for tests, and the context a reply should carry given the replies before it. */
public final class Conversations {

  private Conversations() {}

  /** Message {@code k} of conversation {@code conversationId}: English or Chinese by {@code locale}. */
  public static CustomerMessage message(String conversationId, int k, Locale locale) {
    int n = Math.abs(conversationId.hashCode() % 1000) * 100 + k;
    String text = locale == Locale.ZH ? TinyReplyModel.chineseMessage(n) : TinyReplyModel.englishMessage(n);
    return message(conversationId, conversationId + "-m" + k, text, locale);
  }

  /** A customer message with the given fields, sent from the web at a fixed time. */
  public static CustomerMessage message(String conversationId, String messageId, String text, Locale locale) {
    return CustomerMessage.newBuilder()
        .setMessageId(messageId)
        .setConversationId(conversationId)
        .setCustomerId("customer-" + conversationId)
        .setText(text)
        .setLocale(locale)
        .setChannel(Channel.WEB)
        .setSentAt(Instant.ofEpochMilli(1_700_000_000_000L))
        .setAttributes(Map.of())
        .build();
  }

  /**
   * The context each reply of one conversation must carry, given the messages and the replies in order: the last
   * {@code memoryTurns} turns before the message, then the message.
   */
  public static List<List<Turn>> expectedContexts(List<CustomerMessage> messages, List<AgentReply> replies,
      int memoryTurns) {
    List<List<Turn>> contexts = new ArrayList<>();
    List<Turn> history = new ArrayList<>();
    for (int i = 0; i < messages.size(); i++) {
      List<Turn> context = new ArrayList<>(history.subList(Math.max(0, history.size() - memoryTurns), history.size()));
      context.add(new Turn(Role.CUSTOMER, messages.get(i).getText()));
      contexts.add(context);
      history.add(new Turn(Role.CUSTOMER, messages.get(i).getText()));
      history.add(new Turn(Role.AGENT, replies.get(i).getText()));
    }
    return contexts;
  }
}
