/**
 * Model artifacts as verified directories: config, weights, tokenizer, metrics and a manifest of
 * SHA-256 checksums, kept in a versioned store.
 */
package io.kefu.model.store;
