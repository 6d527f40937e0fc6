/**
 * The flywheel benchmark ({@code kefu bench flywheel}): on an embedded broker and registry, simulated customers with a
 * hidden preference rate a model agent's replies, the feedback stream turns the ratings into training examples, the
 * fine-tuner trains and gates candidates, the canary controller promotes or rolls them back by live ratings; every
 * version is then rated offline on a fixed pool of held-out conversations no traffic contained.
 */
package io.kefu.finetune.bench;
