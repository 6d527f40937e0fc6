package io.kefu.corpus;

/** Which side of the corpus: phrasings and slot values of one split never appear in the other. */
public enum Split {
  TRAIN,
  HELD_OUT
}
