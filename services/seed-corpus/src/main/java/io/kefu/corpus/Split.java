package io.kefu.corpus;

/** Which part of the corpus a conversation comes from; the two share no slot value and no customer phrasing. */
public enum Split {
  /** What the model is trained on. */
  TRAIN,
  /** What the model is evaluated on: unseen order numbers, products, cities, codes, e-mails and phrasings. */
  HELD_OUT
}
