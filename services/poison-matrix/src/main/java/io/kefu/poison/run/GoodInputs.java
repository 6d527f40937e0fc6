package io.kefu.poison.run;

import io.kefu.contract.Channel;
import io.kefu.contract.CustomerMessage;
import io.kefu.contract.Feedback;
import io.kefu.contract.Locale;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The well-formed inputs written around the poison ones: ordinary customer questions and ratings of real replies. */
final class GoodInputs {
  private record Question(Locale locale, String text) {}

  private static final List<Question> QUESTIONS = List.of(
      new Question(Locale.EN, "Where is my order A1234? It has not arrived yet."),
      new Question(Locale.ZH, "我的订单B5678什么时候发货？"),
      new Question(Locale.EN, "How do I return the headphones I bought last week?"),
      new Question(Locale.EN, "Can I change the delivery address of order C9012?"),
      new Question(Locale.ZH, "我想退货，请问怎么办理？"),
      new Question(Locale.EN, "I was charged twice for order D3456, can you refund one payment?"));

  private int messages;
  private int ratings;

  /** The next good customer message, with its own conversation: {@code good-<n>}. */
  CustomerMessage nextMessage(long nowMillis) {
    int n = messages++;
    Question q = QUESTIONS.get(n % QUESTIONS.size());
    return CustomerMessage.newBuilder()
        .setMessageId("good-" + n + "-m")
        .setConversationId("good-" + n)
        .setCustomerId("customer-" + n)
        .setText(q.text())
        .setLocale(q.locale())
        .setChannel(Channel.WEB)
        .setSentAt(Instant.ofEpochMilli(nowMillis))
        .setAttributes(Map.of())
        .build();
  }

  /** The next good rating (4 or 5 stars, alternating) of {@code replyId} in {@code conversationId}. */
  Feedback nextRating(String replyId, String conversationId, long nowMillis) {
    int n = ratings++;
    return Feedback.newBuilder()
        .setFeedbackId("good-rating-" + n)
        .setReplyId(replyId)
        .setConversationId(conversationId)
        .setRating(n % 2 == 0 ? 5 : 4)
        .setComment(n % 2 == 0 ? "thanks, that helped" : null)
        .setRatedAt(Instant.ofEpochMilli(nowMillis))
        .build();
  }
}
