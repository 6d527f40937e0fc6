package io.kefu.loadbench;

import io.kefu.contract.Channel;
import io.kefu.contract.CustomerMessage;
import io.kefu.contract.Locale;
import io.kefu.corpus.Conversation;
import io.kefu.corpus.HumanRequestDetector;
import io.kefu.corpus.Lang;
import io.kefu.corpus.SeedCorpus;
import io.kefu.corpus.Split;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's customer messages: held-out seed-corpus messages (the model never trained on them), spread
 * round-robin over a fixed population of conversations, so the reply service's memory stays bounded however long the
 * load runs.
 *
 * <p>Message {@code n} goes to conversation {@code n mod conversations}; the k-th message of a conversation takes text
 * {@code (c * 31 + k) mod texts}, so a conversation repeats a text only after {@code texts} messages and never has two
 * messages with the same text in flight. Messages asking for a person are left out: they are handed off without the
 * model, and the benchmark is about the model's path.
 */
public final class MessageFeed {
  private final List<String> texts;
  private final List<Locale> locales;
  private final int conversations;
  private final String runId;

  /**
   * @param conversations how many conversations share the load
   * @param texts how many distinct texts to draw from the held-out split
   * @param runId distinguishes this run's conversation and message ids from earlier runs on the same broker
   */
  public MessageFeed(int conversations, int texts, String runId) {
    if (conversations < 1) {
      throw new IllegalArgumentException("conversations must be >= 1, was " + conversations);
    }
    if (texts < 2) {
      throw new IllegalArgumentException("texts must be >= 2, was " + texts);
    }
    Map<String, Locale> distinct = new LinkedHashMap<>();
    SeedCorpus corpus = SeedCorpus.withDefaults();
    for (long i = 0; distinct.size() < texts; i++) {
      Conversation c = corpus.conversation(Split.HELD_OUT, 7L, i);
      if (!HumanRequestDetector.asksForHuman(c.customerMessage())) {
        distinct.putIfAbsent(c.customerMessage(), c.lang() == Lang.ZH ? Locale.ZH : Locale.EN);
      }
    }
    this.texts = new ArrayList<>(distinct.keySet());
    this.locales = new ArrayList<>(distinct.values());
    this.conversations = conversations;
    this.runId = runId;
  }

  /** Customer message number {@code n} (0, 1, 2, ...), sent at {@code sentAt}. */
  public CustomerMessage message(long n, Instant sentAt) {
    int conversation = (int) (n % conversations);
    long k = n / conversations;
    int text = (int) ((conversation * 31L + k) % texts.size());
    return CustomerMessage.newBuilder()
        .setMessageId(runId + "-m" + n)
        .setConversationId(conversationId(conversation))
        .setCustomerId(runId + "-customer-" + conversation)
        .setText(texts.get(text))
        .setLocale(locales.get(text))
        .setChannel(Channel.SIMULATOR)
        .setSentAt(sentAt)
        .build();
  }

  /** The id of conversation number {@code conversation}. */
  public String conversationId(int conversation) {
    return runId + "-c" + conversation;
  }

  /** Number of conversations. */
  public int conversations() {
    return conversations;
  }
}
