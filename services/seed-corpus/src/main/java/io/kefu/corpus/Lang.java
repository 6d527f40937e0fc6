package io.kefu.corpus;

/** Language of a conversation: English or Simplified Chinese. */
public enum Lang {
  EN,
  ZH;

  /** The language a text is written in: Chinese when it holds any CJK ideograph, English otherwise. */
  public static Lang detect(String text) {
    return text.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) ? ZH : EN;
  }
}
