package io.kefu.example;

import io.kefu.contract.AgentReply;
import io.kefu.contract.Channel;
import io.kefu.contract.CustomerMessage;
import io.kefu.contract.Feedback;
import io.kefu.contract.Locale;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One customer turn end to end: ask Kefu a question in a new conversation, wait for its reply, rate the reply. */
public final class ChatExchange {
  private final ChatClient client;
  private final Duration replyTimeout;

  /** An exchange over {@code client} that gives up when no reply arrives within {@code replyTimeout}. */
  public ChatExchange(ChatClient client, Duration replyTimeout) {
    this.client = client;
    this.replyTimeout = replyTimeout;
  }

  /** What was sent, what came back and what was rated. */
  public record Result(CustomerMessage message, AgentReply reply, Feedback feedback) {}

  /**
   * Sends {@code text} in {@code locale} as the first message of a new conversation, waits for the reply and rates
   * it {@code rating} stars.
   *
   * @throws IllegalStateException when no reply arrives within the timeout
   */
  public Result run(String text, Locale locale, int rating) {
    CustomerMessage message = CustomerMessage.newBuilder()
        .setMessageId(UUID.randomUUID().toString())
        .setConversationId("chat-" + UUID.randomUUID())
        .setCustomerId(null)
        .setText(text)
        .setLocale(locale)
        .setChannel(Channel.WEB)
        .setSentAt(Instant.now())
        .setAttributes(Map.of("platform", "kefu-example-chat-client"))
        .build();
    client.send(message);
    AgentReply reply = client.awaitReply(message.getMessageId(), replyTimeout)
        .orElseThrow(() -> new IllegalStateException("no reply to message " + message.getMessageId()
            + " of conversation " + message.getConversationId() + " within " + replyTimeout));
    Feedback feedback = client.rate(reply, rating, null);
    return new Result(message, reply, feedback);
  }
}
