/**
 * The seed corpus behind the simulator: customers drawn from the held-out split (phrasings and slot values the base
 * model never saw, in English and Chinese) and the corpus's reply judge as the customers' eye.
 */
package io.kefu.simulator.corpus;
