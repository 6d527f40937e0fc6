package io.kefu.model.tokenizer;

import java.util.Arrays;

/**
 * Merge rank of each token pair, in an open-addressing table of primitive keys: looking a pair up
 * allocates nothing (a {@code Map<Long, Integer>} boxes every key it is asked about, which made
 * tokenizing the largest source of garbage in a busy reply service).
 */
final class PairRanks {

    private static final long EMPTY = -1L;

    private final long[] keys;
    private final int[] ranks;
    private final int mask;

    /**
     * Creates an empty table.
     *
     * @param expected pairs it will hold
     */
    PairRanks(int expected) {
        int capacity = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
        keys = new long[capacity];
        ranks = new int[capacity];
        mask = capacity - 1;
        Arrays.fill(keys, EMPTY);
    }

    /**
     * Stores a pair's rank unless the pair is there already.
     *
     * @param left left token id (at least 0)
     * @param right right token id (at least 0)
     * @param rank the merge's rank
     * @return true when stored, false when the pair was there
     */
    boolean putIfAbsent(int left, int right, int rank) {
        long key = BpeTokenizer.key(left, right);
        for (int slot = slot(key); ; slot = (slot + 1) & mask) {
            if (keys[slot] == EMPTY) {
                keys[slot] = key;
                ranks[slot] = rank;
                return true;
            }
            if (keys[slot] == key) {
                return false;
            }
        }
    }

    /**
     * Returns a pair's rank.
     *
     * @param left left token id
     * @param right right token id
     * @return the rank, or {@link Integer#MAX_VALUE} when the pair is not a merge
     */
    int rank(int left, int right) {
        long key = BpeTokenizer.key(left, right);
        for (int slot = slot(key); ; slot = (slot + 1) & mask) {
            long found = keys[slot];
            if (found == key) {
                return ranks[slot];
            }
            if (found == EMPTY) {
                return Integer.MAX_VALUE;
            }
        }
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
