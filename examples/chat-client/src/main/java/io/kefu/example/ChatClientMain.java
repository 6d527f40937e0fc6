package io.kefu.example;

import io.kefu.contract.Locale;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;

/**
 * Runs one {@link ChatExchange} from the command line.
 *
 * <pre>
 * java io.kefu.example.ChatClientMain &lt;bootstrap-servers&gt; &lt;schema-registry-url&gt; &lt;text&gt; &lt;EN|ZH&gt; [rating 1..5, default 5]
 * </pre>
 */
public final class ChatClientMain {
  static final String USAGE =
      "usage: ChatClientMain <bootstrap-servers> <schema-registry-url> <text> <EN|ZH> [rating 1..5, default 5]";
  private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(60);

  private ChatClientMain() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Parses {@code args}, runs the exchange and prints it; returns the process exit code (0 ok, 1 failed, 2 usage). */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    Arguments parsed;
    try {
      parsed = Arguments.parse(args);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.println(USAGE);
      return 2;
    }
    try (ChatClient client = ChatClient.connect(ChatClientSettings.of(parsed.bootstrap(), parsed.registryUrl()))) {
      ChatExchange.Result result = new ChatExchange(client, REPLY_TIMEOUT).run(parsed.text(), parsed.locale(),
          parsed.rating());
      out.printf("sent message %s in conversation %s%n", result.message().getMessageId(),
          result.message().getConversationId());
      out.printf("reply %s (%s%s, confidence %.2f, %d ms%s): %s%n", result.reply().getReplyId(),
          result.reply().getAuthor(),
          result.reply().getModelVersion() == null ? "" : " " + result.reply().getModelVersion(),
          result.reply().getConfidence(), result.reply().getLatencyMs(),
          result.reply().getHandedOff() ? ", handed off to a person" : "", result.reply().getText());
      out.printf("rated reply %s with %d stars (feedback %s)%n", result.feedback().getReplyId(),
          result.feedback().getRating(), result.feedback().getFeedbackId());
      return 0;
    } catch (RuntimeException e) {
      err.println("chat client failed: " + e.getMessage());
      return 1;
    }
  }

  /** The command line, checked. */
  record Arguments(String bootstrap, String registryUrl, String text, Locale locale, int rating) {

    static Arguments parse(String[] args) {
      if (args.length < 4 || args.length > 5) {
        throw new IllegalArgumentException("expected 4 or 5 arguments, got " + args.length);
      }
      Locale locale;
      try {
        locale = Locale.valueOf(args[3].toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("locale must be one of " + Arrays.toString(Locale.values())
            + ", was '" + args[3] + "'", e);
      }
      int rating = 5;
      if (args.length == 5) {
        try {
          rating = Integer.parseInt(args[4]);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("rating must be 1..5, was '" + args[4] + "'", e);
        }
        if (rating < 1 || rating > 5) {
          throw new IllegalArgumentException("rating must be 1..5, was " + rating);
        }
      }
      if (args[2].isBlank()) {
        throw new IllegalArgumentException("text must not be blank");
      }
      return new Arguments(args[0], args[1], args[2], locale, rating);
    }
  }
}
