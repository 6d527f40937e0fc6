/**
 * Canary releases by live ratings: the sticky routing rule that sends a share of conversations to the CANARY version,
 * the statistical test that compares its ratings with the ACTIVE version's, and the controller that promotes or rolls
 * it back (or does what an operator commands).
 */
package io.kefu.lifecycle.canary;
