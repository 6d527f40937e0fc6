package io.kefu.feedback.join;

import io.kefu.contract.AgentReply;
import io.kefu.contract.AuthorKind;
import io.kefu.contract.ExampleSource;
import io.kefu.contract.Role;
import io.kefu.contract.TrainingExample;
import io.kefu.contract.Turn;
import io.kefu.redaction.PiiRedactor;
import io.kefu.redaction.Redaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds the redacted {@link TrainingExample} of a reply: the turns before the customer message as context, the
 * customer message (the last customer turn of the reply's context), the reply, the rating and comment, and the
 * weight; every text passes the PII redactor and the number of replaced values is recorded.
 *
 * <p>Weights: a model reply's weight is its rating's ({@link RatingWeights}); an unrated human reply's is the human
 * weight; a rated human reply's is the human weight times its rating's weight.
 */
public final class ExampleBuilder {
  private final PiiRedactor redactor;
  private final RatingWeights ratingWeights;
  private final double humanWeight;

  public ExampleBuilder(PiiRedactor redactor, RatingWeights ratingWeights, double humanWeight) {
    this.redactor = Objects.requireNonNull(redactor, "redactor");
    this.ratingWeights = Objects.requireNonNull(ratingWeights, "ratingWeights");
    this.humanWeight = humanWeight;
  }

  /**
   * The example of {@code reply} with {@code rating} (null only for a human reply); empty when the reply's context
   * has no customer turn to learn the answer to.
   */
  public Optional<TrainingExample> build(AgentReply reply, Integer rating, String comment, long createdAt) {
    if (reply.getAuthor() == AuthorKind.SYSTEM) {
      throw new IllegalArgumentException("reply " + reply.getReplyId() + " is a SYSTEM holding reply, which is never"
          + " a training example");
    }
    if (rating == null && reply.getAuthor() != AuthorKind.HUMAN) {
      throw new IllegalArgumentException("reply " + reply.getReplyId() + " is a " + reply.getAuthor()
          + " reply and needs a rating to become an example");
    }
    List<Turn> turns = reply.getContext();
    int customerTurn = lastCustomerTurn(turns);
    if (customerTurn < 0) {
      return Optional.empty();
    }
    int redactions = 0;
    List<Turn> context = new ArrayList<>(customerTurn);
    for (Turn turn : turns.subList(0, customerTurn)) {
      Redaction redacted = redactor.redact(turn.getText());
      redactions += redacted.total();
      context.add(new Turn(turn.getRole(), redacted.text()));
    }
    Redaction message = redactor.redact(turns.get(customerTurn).getText());
    Redaction answer = redactor.redact(reply.getText());
    redactions += message.total() + answer.total();
    String redactedComment = null;
    if (comment != null) {
      Redaction redacted = redactor.redact(comment);
      redactions += redacted.total();
      redactedComment = redacted.text();
    }
    boolean human = reply.getAuthor() == AuthorKind.HUMAN;
    return Optional.of(TrainingExample.newBuilder()
        .setExampleId(reply.getReplyId())
        .setReplyId(reply.getReplyId())
        .setConversationId(reply.getConversationId())
        .setContext(context)
        .setCustomerMessage(message.text())
        .setReply(answer.text())
        .setRating(rating)
        .setComment(redactedComment)
        .setWeight(weight(human, rating))
        .setSource(human ? ExampleSource.HUMAN_REPLY : ExampleSource.RATED_MODEL_REPLY)
        .setModelVersion(reply.getModelVersion())
        .setLocale(reply.getLocale())
        .setRedactions(redactions)
        .setCreatedAt(Instant.ofEpochMilli(createdAt))
        .build());
  }

  private double weight(boolean human, Integer rating) {
    if (!human) {
      return ratingWeights.weightOf(rating);
    }
    return rating == null ? humanWeight : humanWeight * ratingWeights.weightOf(rating);
  }

  private static int lastCustomerTurn(List<Turn> turns) {
    for (int i = turns.size() - 1; i >= 0; i--) {
      if (turns.get(i).getRole() == Role.CUSTOMER) {
        return i;
      }
    }
    return -1;
  }
}
