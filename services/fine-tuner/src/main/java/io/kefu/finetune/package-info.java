/**
 * The fine-tuner: collects rated examples from training-examples, fine-tunes the ACTIVE model version on them (good
 * replies as targets, bad ones as unlikelihood negatives, mixed with a replay sample of the base corpus), evaluates
 * the candidate against its parent at the gate, stores the artifact and publishes the outcome (CANDIDATE or REJECTED)
 * to model-versions in the same Kafka transaction that commits the consumed offsets.
 */
package io.kefu.finetune;
