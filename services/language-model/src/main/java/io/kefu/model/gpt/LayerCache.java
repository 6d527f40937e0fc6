package io.kefu.model.gpt;

import ai.djl.ndarray.NDArray;

/**
 * One layer's cached keys and values, one slot per sequence.
 *
 * @param keys (Bmax, H, Tmax, D)
 * @param values (Bmax, H, Tmax, D)
 */
public record LayerCache(NDArray keys, NDArray values) {}
