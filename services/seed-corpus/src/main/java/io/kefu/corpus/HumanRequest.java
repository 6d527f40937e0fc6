package io.kefu.corpus;

import java.util.List;
import java.util.Locale;

/** Spots a customer asking for a person ("talk to a real person", "转人工"...), phrases in {@code human-phrases.tsv}. */
public final class HumanRequest {
  private static final List<String> PHRASES =
      ResourceTsv.read("human-phrases.tsv", 2).stream().map(row -> row[1].toLowerCase(Locale.ROOT)).toList();

  private HumanRequest() {}

  /** Whether {@code text} contains one of the English or Chinese ask-for-a-person phrases, ignoring case. */
  public static boolean asksForHuman(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    return PHRASES.stream().anyMatch(lower::contains);
  }
}
