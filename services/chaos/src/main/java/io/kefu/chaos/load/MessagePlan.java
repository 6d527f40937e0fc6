package io.kefu.chaos.load;

import io.kefu.contract.Locale;
import io.kefu.corpus.Conversation;
import io.kefu.corpus.Lang;
import io.kefu.corpus.SeedCorpus;
import io.kefu.corpus.Split;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The messages of a run: {@code total} customer messages spread over {@code conversations} conversations, their texts
 * drawn (seeded) from the seed corpus's held-out customer messages in English and Chinese.
 *
 * <p>The sending order takes one message from each conversation in turn, in a seeded order per round, so that every
 * conversation's messages are sent in their own order while conversations interleave.
 */
public final class MessagePlan {
  private static final int TEXT_POOL = 400;

  private final int conversations;
  private final List<PlannedMessage> inSendingOrder;

  private MessagePlan(int conversations, List<PlannedMessage> inSendingOrder) {
    this.conversations = conversations;
    this.inSendingOrder = List.copyOf(inSendingOrder);
  }

  /**
   * The plan for {@code total} messages over {@code conversations} conversations, ids prefixed with {@code idPrefix}.
   *
   * @throws IllegalArgumentException when a count is not positive or there are fewer messages than conversations
   */
  public static MessagePlan of(String idPrefix, int conversations, int total, long seed) {
    if (conversations < 1 || total < conversations) {
      throw new IllegalArgumentException("need at least one conversation and at least one message per conversation,"
          + " was " + total + " messages over " + conversations + " conversations");
    }
    List<Conversation> pool = SeedCorpus.withDefaults().generate(Split.HELD_OUT, Math.min(TEXT_POOL, total), seed);
    Random random = new Random(seed);
    int rounds = (total + conversations - 1) / conversations;
    List<PlannedMessage> order = new ArrayList<>(total);
    for (int round = 0; round < rounds && order.size() < total; round++) {
      List<Integer> turn = new ArrayList<>();
      for (int c = 0; c < conversations; c++) {
        turn.add(c);
      }
      java.util.Collections.shuffle(turn, random);
      for (int c : turn) {
        if (order.size() == total) {
          break;
        }
        Conversation source = pool.get(random.nextInt(pool.size()));
        String conversationId = String.format("%s-c%05d", idPrefix, c);
        order.add(new PlannedMessage(conversationId, conversationId + "-m" + round, round, source.customerMessage(),
            source.lang() == Lang.ZH ? Locale.ZH : Locale.EN));
      }
    }
    return new MessagePlan(conversations, order);
  }

  /** Every message, in the order they are sent. */
  public List<PlannedMessage> inSendingOrder() {
    return inSendingOrder;
  }

  /** How many messages. */
  public int size() {
    return inSendingOrder.size();
  }

  /** How many conversations. */
  public int conversations() {
    return conversations;
  }
}
