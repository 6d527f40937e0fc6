package io.kefu.dashboard.view;

/** Clipping of texts held by the views, so one huge message cannot take the dashboard's memory. */
final class Texts {
  /** Longest text a view keeps, in chars; longer ones end in an ellipsis. */
  static final int MAX_CHARS = 2000;

  private Texts() {}

  static String clip(String text) {
    if (text == null || text.length() <= MAX_CHARS) {
      return text;
    }
    int end = MAX_CHARS;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--; // never split a surrogate pair (emoji, rare CJK)
    }
    return text.substring(0, end) + "…";
  }
}
