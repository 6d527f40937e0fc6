package io.kefu.finetune;

import io.kefu.contract.TrainingExample;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;

/**
 * The version label of a run, derived from its inputs: the parent version, every example's id, rating, weight and
 * texts, and the training recipe. A restarted fine-tuner that re-reads the same examples computes the same label,
 * finds the artifact it may already have stored, and reuses it instead of training twice.
 */
public final class RunIdentity {
  private RunIdentity() {}

  /** {@code ft-} and the first 12 hex digits of the SHA-256 of the run's inputs. */
  public static String version(String parentVersion, Collection<TrainingExample> examples, String recipe) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
    update(digest, parentVersion);
    update(digest, recipe);
    List<TrainingExample> sorted = examples.stream()
        .sorted(java.util.Comparator.comparing(TrainingExample::getExampleId)).toList();
    for (TrainingExample e : sorted) {
      update(digest, e.getExampleId());
      update(digest, String.valueOf(e.getRating()));
      update(digest, Double.toString(e.getWeight()));
      update(digest, e.getCustomerMessage());
      update(digest, e.getReply());
    }
    return "ft-" + HexFormat.of().formatHex(digest.digest()).substring(0, 12);
  }

  private static void update(MessageDigest digest, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.UTF_8));
    digest.update((byte) ':');
    digest.update(bytes);
  }
}
