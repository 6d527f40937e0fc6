package io.kefu.corpus;

/** The language of a conversation; {@link #name()} is the label the rest of Kefu uses ("EN", "ZH"). */
public enum Lang {
  /** English. */
  EN,
  /** Simplified Chinese. */
  ZH
}
