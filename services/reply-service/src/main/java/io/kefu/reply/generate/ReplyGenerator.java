package io.kefu.reply.generate;

import io.kefu.reply.memory.RecentTurn;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What the reply service needs from a language model: a reply to a message given the conversation so far.
 *
 * <p>The service holds one generator by reference and calls it from many conversations at once; an
 * implementation that swaps model versions between decode steps, or routes conversations between an active and a
 * canary version, can stand behind this interface unchanged.
 */
public interface ReplyGenerator {

  /** Starts generating the reply to {@code message} after {@code context} (oldest first); thread-safe. */
  CompletableFuture<GeneratedReply> generate(List<RecentTurn> context, String message);

  /**
   * Starts generating the reply to {@code message} in conversation {@code conversationId}; a generator serving
   * several versions routes by the conversation, any other ignores it.
   */
  default CompletableFuture<GeneratedReply> generate(String conversationId, List<RecentTurn> context,
      String message) {
    return generate(context, message);
  }

  /** The version new generations are served by. */
  String modelVersion();
}
