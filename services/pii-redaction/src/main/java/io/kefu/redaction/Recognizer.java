package io.kefu.redaction;

import java.util.function.Consumer;

/** Finds every candidate span of one kind of personal data; candidates may overlap each other. */
interface Recognizer {
  /** Reports each validated candidate found in {@code text} to {@code sink}. */
  void findAll(String text, Consumer<PiiSpan> sink);
}
