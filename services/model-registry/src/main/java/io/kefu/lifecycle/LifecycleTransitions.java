package io.kefu.lifecycle;

import io.kefu.contract.ModelStatus;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The lifecycle steps a model version may take.
 *
 * <pre>
 * (new)     -&gt; CANDIDATE | REJECTED | ACTIVE (a base model, registered directly)
 * CANDIDATE -&gt; CANARY | REJECTED
 * CANARY    -&gt; ACTIVE | ROLLED_BACK
 * ACTIVE    -&gt; RETIRED | ROLLED_BACK
 * RETIRED   -&gt; ACTIVE (reinstated when the version that replaced it is rolled back)
 * REJECTED, ROLLED_BACK: final
 * </pre>
 */
public final class LifecycleTransitions {
  private static final EnumSet<ModelStatus> INITIAL =
      EnumSet.of(ModelStatus.CANDIDATE, ModelStatus.REJECTED, ModelStatus.ACTIVE);
  private static final Map<ModelStatus, EnumSet<ModelStatus>> NEXT = new EnumMap<>(ModelStatus.class);

  static {
    NEXT.put(ModelStatus.CANDIDATE, EnumSet.of(ModelStatus.CANARY, ModelStatus.REJECTED));
    NEXT.put(ModelStatus.CANARY, EnumSet.of(ModelStatus.ACTIVE, ModelStatus.ROLLED_BACK));
    NEXT.put(ModelStatus.ACTIVE, EnumSet.of(ModelStatus.RETIRED, ModelStatus.ROLLED_BACK));
    NEXT.put(ModelStatus.RETIRED, EnumSet.of(ModelStatus.ACTIVE));
    NEXT.put(ModelStatus.REJECTED, EnumSet.noneOf(ModelStatus.class));
    NEXT.put(ModelStatus.ROLLED_BACK, EnumSet.noneOf(ModelStatus.class));
    NEXT.put(ModelStatus.UNKNOWN, EnumSet.noneOf(ModelStatus.class));
  }

  private LifecycleTransitions() {}

  /** Whether a version in {@code from} (null: not registered yet) may move to {@code to}. */
  public static boolean isAllowed(ModelStatus from, ModelStatus to) {
    if (to == null || to == ModelStatus.UNKNOWN) {
      return false;
    }
    return from == null ? INITIAL.contains(to) : NEXT.get(from).contains(to);
  }

  /** The statuses a version in {@code from} (null: not registered yet) may move to. */
  public static Set<ModelStatus> allowedFrom(ModelStatus from) {
    return EnumSet.copyOf(from == null ? INITIAL : NEXT.get(from));
  }

  /**
   * Checks one step.
   *
   * @throws IllegalTransitionException naming the version, both statuses and the steps that are allowed
   */
  public static void check(ModelVersionKey key, ModelStatus from, ModelStatus to) {
    if (isAllowed(from, to)) {
      return;
    }
    Set<ModelStatus> allowed = from == null ? INITIAL : NEXT.get(from);
    String fromText = from == null ? "unregistered" : from.name();
    throw new IllegalTransitionException(key, from, to, "model version " + key + " cannot go from " + fromText
        + " to " + to + "; allowed from " + fromText + ": "
        + (allowed.isEmpty() ? "nothing (" + fromText + " is final)" : allowed));
  }
}
