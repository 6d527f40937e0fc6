/**
 * The synthetic seed corpus Kefu's model is trained on: English and Chinese customer-service conversations over
 * more than twenty intents, a held-out split by slot values and phrasings, reply styles, and the reply judge that
 * {@code kefu eval} and the customer simulator use.
 */
package io.kefu.corpus;
