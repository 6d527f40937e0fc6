package io.kefu.chaos.testing;

import io.kefu.chaos.env.ChaosEnvironment;
import io.kefu.chaos.env.SmallBaseModel;
import java.io.IOException;
import java.nio.file.Path;

/** The model store the chaos tests' reply services serve from: the small base model, trained once per build. */
public final class TestModelStore {
  private static final Path STORE = Path.of("target", "chaos-base-model").toAbsolutePath();

  private TestModelStore() {}

  /** A new run directory under {@code target/chaos-runs}, kept after the test so that child logs can be read. */
  public static Path newRunDirectory(String name) {
    return ChaosEnvironment.newRunDirectory(Path.of("target", "chaos-runs").toAbsolutePath(), name);
  }

  /** The store directory, holding the small base model (trained now when {@code mvn clean} removed it). */
  public static synchronized Path ensure() throws IOException {
    SmallBaseModel.ensureStored(STORE, System.out);
    return STORE;
  }
}
