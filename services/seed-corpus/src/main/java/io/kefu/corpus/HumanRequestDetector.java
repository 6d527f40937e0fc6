package io.kefu.corpus;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Tells whether a customer message asks for a person instead of the bot ("talk to a human", "real person",
 * "representative", "人工客服", "转人工", "真人" …), so the reply service hands the conversation over.
 */
public final class HumanRequestDetector {

  private static final Pattern ENGLISH = Pattern.compile(String.join("|",
      "\\bhumans?\\b",
      "\\b(?:real|actual|live)\\s+(?:person|people|agent|human|someone|somebody)\\b",
      "\\bsomeone\\s+real\\b",
      "\\b(?:talk|speak|chat)\\s+(?:to|with)\\s+(?:a\\s+|an\\s+|some)?"
          + "(?:person|one|body|agent|rep|representative|staff|manager|supervisor)\\b",
      "\\b(?:transfer|connect|put)\\s+me\\s+(?:to|with|through)\\b",
      "\\b(?:support|sales|service)\\s+(?:rep|reps|representative|staff|agent)\\b",
      "\\b(?:representative|supervisor|operator|manager)\\b"));

  private static final List<String> CHINESE =
      List.of("人工", "真人", "活人", "客服人员", "工作人员", "客服专员", "转接", "经理", "主管", "找个人");

  private HumanRequestDetector() {}

  /** True when {@code text} asks to speak with a person. */
  public static boolean asksForHuman(String text) {
    Objects.requireNonNull(text, "text");
    String lower = text.toLowerCase(Locale.ROOT);
    return ENGLISH.matcher(lower).find() || CHINESE.stream().anyMatch(lower::contains);
  }
}
