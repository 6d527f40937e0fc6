/**
 * Byte-level BPE tokenizer that round-trips any text, the special turn tokens, and the prompt
 * format that renders a conversation into token ids.
 */
package io.kefu.model.tokenizer;
