/**
 * The GPT-style decoder-only transformer as DJL blocks, one block per file, plus its config and
 * the per-slot key/value cache used for incremental decoding.
 */
package io.kefu.model.gpt;
