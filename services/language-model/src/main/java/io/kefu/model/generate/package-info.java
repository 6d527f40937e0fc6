/**
 * Generation: sampling settings, single-sequence decoding, and the continuous-batching engine
 * whose decode loop serves every active sequence in one step.
 */
package io.kefu.model.generate;
