package io.kefu.reply.serving;

import io.kefu.model.LanguageModel;
import io.kefu.model.generate.GenerationEngine;

/**
 * The engine serving a CANARY version, with its own model so that the active version's engine never waits for it.
 *
 * @param version the canary version
 * @param engine its engine
 * @param model its model, closed after the engine
 */
record CanaryEngine(String version, GenerationEngine engine, LanguageModel model) implements AutoCloseable {

  /** Finishes the replies the canary started (requests still waiting fail with EngineClosedException), then frees it. */
  @Override
  public void close() {
    try {
      engine.close();
    } finally {
      model.close();
    }
  }
}
