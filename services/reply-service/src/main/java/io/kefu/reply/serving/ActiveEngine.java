package io.kefu.reply.serving;

import io.kefu.model.LanguageModel;
import io.kefu.model.generate.EngineOptions;
import io.kefu.model.generate.GenerationEngine;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The engine serving the ACTIVE version: a new version takes over new requests between two decode steps while
 * started replies finish on theirs, and each model is closed once the engine hands it back (or the engine closes).
 */
final class ActiveEngine implements AutoCloseable {
  private final GenerationEngine engine;
  private final Set<LanguageModel> open = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
  private volatile String targetVersion;

  /** An engine serving {@code first}; it owns the model from now on. */
  ActiveEngine(LanguageModel first, EngineOptions options) {
    open.add(first);
    this.targetVersion = first.version();
    this.engine = new GenerationEngine(first, options);
  }

  GenerationEngine engine() {
    return engine;
  }

  /** The version new requests go to once the last swap is applied (at the next step boundary). */
  String targetVersion() {
    return targetVersion;
  }

  /** The version new requests go to now. */
  String servingVersion() {
    return engine.stats().currentVersion();
  }

  /**
   * Hands new requests to {@code next} from the next step boundary on; the engine owns the model from now on.
   *
   * @return completes once the previous version has finished the replies it started (and is closed)
   */
  CompletableFuture<Void> swap(LanguageModel next) {
    open.add(next);
    targetVersion = next.version();
    return engine.swap(next).thenAccept(this::release);
  }

  /** Closes a model the engine no longer uses, unless {@link #close()} got to it first. */
  private void release(LanguageModel model) {
    if (open.remove(model)) {
      model.close();
    }
  }

  /** Finishes started replies, stops the engine and closes every model it held. */
  @Override
  public void close() {
    engine.close();
    List<LanguageModel> left;
    synchronized (open) {
      left = new ArrayList<>(open);
    }
    left.forEach(this::release);
  }
}
