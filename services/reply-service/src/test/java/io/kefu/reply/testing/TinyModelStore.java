package io.kefu.reply.testing;

import io.kefu.model.LanguageModel;
import io.kefu.model.store.FileSystemModelStore;
import io.kefu.model.store.ModelArtifact;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/** Tiny models saved in a model store under chosen versions, and the damage tests do to stored artifacts. */
public final class TinyModelStore {
  private TinyModelStore() {}

  /** Saves a copy of {@code model} labelled {@code version} in the store at {@code storeDirectory}. */
  public static ModelArtifact save(Path storeDirectory, LanguageModel model, String version) throws IOException {
    FileSystemModelStore store = new FileSystemModelStore(storeDirectory);
    Path scratch = Files.createTempFile("kefu-tiny-", ".params");
    try (LanguageModel copy = model.copyAs(version, scratch)) {
      return store.save(copy, null, Map.of("kind", "test", "training", Map.of("finalLoss", 0.25)));
    } finally {
      Files.deleteIfExists(scratch);
    }
  }

  /** Inverts every bit of the byte in the middle of {@code file}; returns its offset. */
  public static long flipByte(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      long offset = channel.size() / 2;
      ByteBuffer one = ByteBuffer.allocate(1);
      channel.read(one, offset);
      one.put(0, (byte) ~one.get(0));
      one.rewind();
      channel.write(one, offset);
      return offset;
    }
  }
}
