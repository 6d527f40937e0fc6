package io.kefu.loadbench;

/** Which model answers the load. */
public enum ModelChoice {
  /** A small configuration (2 layers, width 64, context 128) trained on the seed corpus in-process first. */
  SMALL,
  /** A version from the model store: the base model unless another version is named. */
  DEFAULT
}
