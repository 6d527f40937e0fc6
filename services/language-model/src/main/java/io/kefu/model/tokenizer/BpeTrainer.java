package io.kefu.model.tokenizer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * Learns BPE merges from a corpus, deterministically: the same texts give the same merges.
 *
 * <p>Chunks from {@link PreTokenizer} are counted; each round merges the most frequent adjacent
 * pair (ties go to the smaller left id, then the smaller right id) until the requested number of
 * merges is reached or no pair occurs at least {@code minFrequency} times.
 */
public final class BpeTrainer {

    private final int merges;
    private final int minFrequency;

    /**
     * Creates a trainer.
     *
     * @param merges how many merges to learn at most
     * @param minFrequency a pair must occur this often to be merged
     */
    public BpeTrainer(int merges, int minFrequency) {
        if (merges < 0) {
            throw new IllegalArgumentException("merges must be >= 0, was " + merges);
        }
        if (minFrequency < 1) {
            throw new IllegalArgumentException("minFrequency must be >= 1, was " + minFrequency);
        }
        this.merges = merges;
        this.minFrequency = minFrequency;
    }

    /**
     * Learns merges from the texts and builds the tokenizer.
     *
     * @param texts corpus texts
     * @return a tokenizer with the learned merges
     */
    public BpeTokenizer train(Iterable<String> texts) {
        // TreeMap: iteration order must not depend on hashing for ties to be deterministic.
        Map<String, Integer> chunkCounts = new TreeMap<>();
        for (String text : texts) {
            for (String chunk : PreTokenizer.split(Utf8Codec.sanitize(text))) {
                chunkCounts.merge(chunk, 1, Integer::sum);
            }
        }
        List<int[]> words = new ArrayList<>(chunkCounts.size());
        List<Integer> counts = new ArrayList<>(chunkCounts.size());
        for (Map.Entry<String, Integer> entry : chunkCounts.entrySet()) {
            byte[] bytes = Utf8Codec.encode(entry.getKey());
            if (bytes.length < 2) {
                continue;
            }
            int[] symbols = new int[bytes.length];
            for (int i = 0; i < bytes.length; i++) {
                symbols[i] = bytes[i] & 0xFF;
            }
            words.add(symbols);
            counts.add(entry.getValue());
        }
        return new BpeTokenizer(learn(words, counts));
    }

    /** A pair's count at the time it was queued; stale once the count changes. */
    private record Candidate(long count, long pair) {}

    private List<int[]> learn(List<int[]> words, List<Integer> counts) {
        Map<Long, long[]> pairCounts = new HashMap<>();
        Map<Long, List<Integer>> where = new HashMap<>();
        // Most frequent first; ties go to the smaller pair key (left id, then right id).
        PriorityQueue<Candidate> queue = new PriorityQueue<>((x, y) -> x.count() != y.count()
                ? Long.compare(y.count(), x.count()) : Long.compareUnsigned(x.pair(), y.pair()));
        for (int w = 0; w < words.size(); w++) {
            addPairs(w, words.get(w), counts.get(w), pairCounts, where);
        }
        pairCounts.forEach((pair, count) -> queue.add(new Candidate(count[0], pair)));
        List<int[]> learned = new ArrayList<>();
        int[] seen = new int[words.size()];
        int nextId = SpecialToken.firstMergeId();
        while (learned.size() < merges && !queue.isEmpty()) {
            Candidate best = queue.poll();
            long[] current = pairCounts.get(best.pair());
            if (current == null || current[0] != best.count()) {
                continue;
            }
            if (best.count() < minFrequency) {
                break;
            }
            int left = (int) (best.pair() >>> 32);
            int right = (int) best.pair();
            learned.add(new int[] {left, right});
            int merged = nextId++;
            int round = learned.size();
            Map<Long, Long> delta = new HashMap<>();
            for (int w : where.remove(best.pair())) {
                if (seen[w] == round) {
                    continue;
                }
                seen[w] = round;
                int[] before = words.get(w);
                int[] after = apply(before, left, right, merged);
                if (after == before) {
                    continue;
                }
                long count = counts.get(w);
                for (int i = 0; i + 1 < before.length; i++) {
                    delta.merge(BpeTokenizer.key(before[i], before[i + 1]), -count, Long::sum);
                }
                for (int i = 0; i + 1 < after.length; i++) {
                    long pair = BpeTokenizer.key(after[i], after[i + 1]);
                    delta.merge(pair, count, Long::sum);
                    if (after[i] == merged || after[i + 1] == merged) {
                        List<Integer> list = where.computeIfAbsent(pair, k -> new ArrayList<>());
                        if (list.isEmpty() || list.get(list.size() - 1).intValue() != w) {
                            list.add(w);
                        }
                    }
                }
                words.set(w, after);
            }
            pairCounts.remove(best.pair());
            delta.forEach((pair, change) -> {
                if (change == 0 || pair == best.pair()) {
                    return;
                }
                long[] counter = pairCounts.computeIfAbsent(pair, k -> new long[1]);
                counter[0] += change;
                if (counter[0] > 0) {
                    queue.add(new Candidate(counter[0], pair));
                } else {
                    pairCounts.remove(pair);
                }
            });
        }
        return learned;
    }

    private static void addPairs(int word, int[] symbols, long count, Map<Long, long[]> pairCounts,
            Map<Long, List<Integer>> where) {
        for (int i = 0; i + 1 < symbols.length; i++) {
            long pair = BpeTokenizer.key(symbols[i], symbols[i + 1]);
            pairCounts.computeIfAbsent(pair, k -> new long[1])[0] += count;
            List<Integer> list = where.computeIfAbsent(pair, k -> new ArrayList<>());
            if (list.isEmpty() || list.get(list.size() - 1).intValue() != word) {
                list.add(word);
            }
        }
    }

    private static int[] apply(int[] symbols, int left, int right, int merged) {
        int write = 0;
        int[] out = null;
        for (int read = 0; read < symbols.length; read++) {
            boolean match = read + 1 < symbols.length && symbols[read] == left && symbols[read + 1] == right;
            if (match && out == null) {
                out = symbols.clone();
            }
            if (out != null) {
                out[write] = match ? merged : symbols[read];
            }
            write++;
            if (match) {
                read++;
            }
        }
        return out == null ? symbols : java.util.Arrays.copyOf(out, write);
    }
}
