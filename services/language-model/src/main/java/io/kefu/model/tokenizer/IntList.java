package io.kefu.model.tokenizer;

import java.util.Arrays;

/** A growable array of ints, to build token sequences without boxing. */
public final class IntList {

    private int[] values;
    private int size;

    /**
     * Creates an empty list.
     *
     * @param capacity initial capacity
     */
    public IntList(int capacity) {
        values = new int[Math.max(4, capacity)];
    }

    /**
     * Appends a value.
     *
     * @param value the value
     */
    public void add(int value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    /**
     * Appends values.
     *
     * @param more the values
     */
    public void addAll(int[] more) {
        for (int value : more) {
            add(value);
        }
    }

    /**
     * Returns the number of values.
     *
     * @return size
     */
    public int size() {
        return size;
    }

    /**
     * Returns a copy of the values.
     *
     * @return the array
     */
    public int[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
