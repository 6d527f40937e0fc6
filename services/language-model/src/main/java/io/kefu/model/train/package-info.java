/**
 * Training: the reply-only weighted loss with an unlikelihood term, the learning-rate schedule,
 * gradient clipping, the training loop with its progress bar, and the base trainer.
 */
package io.kefu.model.train;
