package io.kefu.dashboard.view;

import io.kefu.contract.AgentReply;
import io.kefu.contract.CustomerMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The most recently active conversations with their latest turns and the ratings of their replies. */
public final class ConversationsView {
  /** Conversations remembered (the page shows fewer). */
  public static final int MAX_CONVERSATIONS = 500;
  /** Turns kept per conversation. */
  public static final int MAX_TURNS = 20;

  private final Map<String, Conversation> byId = new BoundedMap<>(MAX_CONVERSATIONS, true);

  /** Adds a customer's message. */
  public synchronized void onCustomerMessage(CustomerMessage message) {
    long at = message.getSentAt().toEpochMilli();
    conversation(message.getConversationId(), message.getLocale().name(), at)
        .add(TurnView.customer(message.getText(), at));
  }

  /** Adds a reply by a model, a human operator or the service. */
  public synchronized void onReply(AgentReply reply) {
    long at = reply.getCreatedAt().toEpochMilli();
    Conversation c = conversation(reply.getConversationId(), reply.getLocale().name(), at);
    c.add(new TurnView(reply.getAuthor().name(), Texts.clip(reply.getText()), at, reply.getReplyId(),
        reply.getModelVersion(), reply.getOperatorId(), null));
    if (reply.getHandedOff()) {
      c.handedOff = true;
    }
  }

  /** Puts a rating on the reply it rates, when that reply is still shown; a later rating replaces an earlier one. */
  public synchronized void onRating(String conversationId, String replyId, int stars) {
    Conversation c = byId.get(conversationId);
    if (c == null || stars < 1 || stars > 5) {
      return;
    }
    List<TurnView> updated = c.turns.stream().map(t -> replyId.equals(t.replyId()) ? t.rated(stars) : t).toList();
    c.turns.clear();
    c.turns.addAll(updated);
  }

  private Conversation conversation(String id, String locale, long at) {
    Conversation c = byId.computeIfAbsent(id, k -> new Conversation(id, locale));
    c.lastActivity = Math.max(c.lastActivity, at);
    return c;
  }

  /** The {@code limit} most recently active conversations, most recent first. */
  public synchronized List<ConversationSummary> snapshot(int limit) {
    return byId.values().stream()
        .sorted((a, b) -> Long.compare(b.lastActivity, a.lastActivity))
        .limit(limit)
        .map(Conversation::summary)
        .toList();
  }

  private static final class Conversation {
    private final String id;
    private final String locale;
    private final List<TurnView> turns = new ArrayList<>();
    private long lastActivity;
    private boolean handedOff;

    Conversation(String id, String locale) {
      this.id = id;
      this.locale = locale;
    }

    /** Keeps turns in time order whatever order the topics are read in; the oldest go first when full. */
    void add(TurnView turn) {
      int at = turns.size();
      while (at > 0 && turns.get(at - 1).atMillis() > turn.atMillis()) {
        at--;
      }
      turns.add(at, turn);
      if (turns.size() > MAX_TURNS) {
        turns.remove(0);
      }
    }

    ConversationSummary summary() {
      long rated = 0;
      long stars = 0;
      for (TurnView t : turns) {
        if (t.rating() != null) {
          rated++;
          stars += t.rating();
        }
      }
      return new ConversationSummary(id, locale, lastActivity, handedOff, rated == 0 ? null : (double) stars / rated,
          new ArrayList<>(turns));
    }
  }

  /**
   * One conversation as the dashboard shows it.
   *
   * @param conversationId the conversation
   * @param locale its language
   * @param lastActivity its latest turn, epoch milliseconds
   * @param handedOff whether it was handed to a human
   * @param averageRating the average rating of its shown replies, or null when none is rated
   * @param turns its latest turns, oldest first
   */
  public record ConversationSummary(String conversationId, String locale, long lastActivity, boolean handedOff,
      Double averageRating, List<TurnView> turns) {}
}
