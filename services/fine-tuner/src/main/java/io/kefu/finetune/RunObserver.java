package io.kefu.finetune;

/** Hears the phases of a fine-tune run (status for operators; fault injection in tests). */
public interface RunObserver {
  /** An observer that does nothing. */
  RunObserver NONE = new RunObserver() {};

  /** Training of {@code version} starts on {@code examples} training examples. */
  default void trainingStarted(String version, int examples) {}

  /** The artifact of {@code version} is stored (before its outcome is published). */
  default void artifactStored(String version) {}
}
