package io.kefu.model.tokenizer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        List<int[]> learned = new ArrayList<>();
        int nextId = SpecialToken.firstMergeId();
        while (learned.size() < merges) {
            Map<Long, Long> pairCounts = new HashMap<>();
            for (int w = 0; w < words.size(); w++) {
                int[] symbols = words.get(w);
                long count = counts.get(w);
                for (int i = 0; i + 1 < symbols.length; i++) {
                    pairCounts.merge(BpeTokenizer.key(symbols[i], symbols[i + 1]), count, Long::sum);
                }
            }
            long bestKey = -1;
            long bestCount = 0;
            for (Map.Entry<Long, Long> entry : pairCounts.entrySet()) {
                long count = entry.getValue();
                long pairKey = entry.getKey();
                if (count > bestCount || (count == bestCount && Long.compareUnsigned(pairKey, bestKey) < 0)) {
                    bestCount = count;
                    bestKey = pairKey;
                }
            }
            if (bestCount < minFrequency) {
                break;
            }
            int left = (int) (bestKey >>> 32);
            int right = (int) bestKey;
            learned.add(new int[] {left, right});
            int merged = nextId++;
            for (int w = 0; w < words.size(); w++) {
                words.set(w, apply(words.get(w), left, right, merged));
            }
        }
        return new BpeTokenizer(learned);
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
