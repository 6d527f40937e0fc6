/**
 * Simulated customers for {@code kefu simulate} and the flywheel benchmark: they write customer messages at a given
 * rate and rate the replies they get the way a population with a hidden preference would, with noise. The preference
 * is a setting of the simulator only; nothing of it reaches the model except the ratings.
 */
package io.kefu.simulator;
