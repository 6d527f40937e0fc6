package io.kefu.model.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Splits prompts that join the batch together into groups of similar length, one prefill forward
 * pass per group, so that right-padding every prompt to the longest one does not multiply the
 * prefill's compute.
 *
 * <p>Prompts are sorted by length and cut where it is cheapest, minimizing the sum over groups of
 * {@code passCost + size * longest}: a pass costs its padded tokens plus a fixed per-pass cost
 * (the per-operator overhead of one forward, expressed in tokens). One long prompt among short
 * ones gets its own pass; prompts of nearly equal length share one.
 *
 * @param order prompt indices, shortest first
 * @param ends exclusive end (into {@code order}) of each group, ascending
 */
record PrefillGroups(int[] order, int[] ends) {

    /**
     * The fixed cost of one prefill pass in tokens: a pass runs about 180 operators at 5–10 µs of
     * overhead each, as long as prefilling 30 tokens of the default model on one core.
     */
    static final int PASS_COST_TOKENS = 32;

    /**
     * Plans the groups.
     *
     * @param lengths each prompt's length, in join order
     * @param passCostTokens the fixed cost of one pass, in tokens
     * @return the groups
     */
    static PrefillGroups plan(int[] lengths, int passCostTokens) {
        int n = lengths.length;
        Integer[] boxed = new Integer[n];
        for (int i = 0; i < n; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, Comparator.comparingInt(i -> lengths[i]));
        int[] order = Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
        // best[j]: least cost of the first j sorted prompts; cut[j]: where their last group starts.
        long[] best = new long[n + 1];
        int[] cut = new int[n + 1];
        for (int j = 1; j <= n; j++) {
            best[j] = Long.MAX_VALUE;
            int longest = lengths[order[j - 1]];
            for (int i = 0; i < j; i++) {
                long cost = best[i] + passCostTokens + (long) (j - i) * longest;
                if (cost < best[j]) {
                    best[j] = cost;
                    cut[j] = i;
                }
            }
        }
        List<Integer> ends = new ArrayList<>();
        for (int j = n; j > 0; j = cut[j]) {
            ends.add(0, j);
        }
        return new PrefillGroups(order, ends.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * Returns the number of groups.
     *
     * @return prefill passes
     */
    int count() {
        return ends.length;
    }

    /**
     * Returns where a group starts in {@link #order()}.
     *
     * @param group group index
     * @return inclusive start
     */
    int start(int group) {
        return group == 0 ? 0 : ends[group - 1];
    }
}
