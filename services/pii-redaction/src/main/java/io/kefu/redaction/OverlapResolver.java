package io.kefu.redaction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Picks non-overlapping spans from overlapping candidates, deterministically: the longest span wins; among
 * equally long ones the type with the stronger evidence (checksums and fixed structure before free patterns)
 * wins; then the earlier start.
 */
final class OverlapResolver {
  /** Tie-break order for equally long spans, strongest evidence first. */
  private static final List<PiiType> TIE_BREAK = List.of(
      PiiType.EMAIL, PiiType.CN_RESIDENT_ID, PiiType.IBAN, PiiType.PHONE, PiiType.CARD,
      PiiType.IPV4, PiiType.STREET_ADDRESS);

  private static final Comparator<PiiSpan> PRECEDENCE =
      Comparator.comparingInt(PiiSpan::length).reversed()
          .thenComparingInt(span -> TIE_BREAK.indexOf(span.type()))
          .thenComparingInt(PiiSpan::start);

  private OverlapResolver() {}

  /** The winning spans, ordered by start. */
  static List<PiiSpan> resolve(List<PiiSpan> candidates) {
    List<PiiSpan> ranked = new ArrayList<>(candidates);
    ranked.sort(PRECEDENCE);
    TreeMap<Integer, PiiSpan> accepted = new TreeMap<>();
    for (PiiSpan candidate : ranked) {
      if (!overlapsAccepted(accepted, candidate)) {
        accepted.put(candidate.start(), candidate);
      }
    }
    return List.copyOf(accepted.values());
  }

  private static boolean overlapsAccepted(TreeMap<Integer, PiiSpan> accepted, PiiSpan candidate) {
    Map.Entry<Integer, PiiSpan> before = accepted.floorEntry(candidate.start());
    Map.Entry<Integer, PiiSpan> after = accepted.ceilingEntry(candidate.start());
    return (before != null && before.getValue().overlaps(candidate))
        || (after != null && after.getValue().overlaps(candidate));
  }
}
