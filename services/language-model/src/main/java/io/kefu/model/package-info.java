/**
 * Kefu's own language model: a byte-level BPE tokenizer, a GPT-style decoder written with DJL's
 * block API on the PyTorch engine, training, generation with a KV cache and continuous batching,
 * a verified artifact store, and benchmarks.
 */
package io.kefu.model;
