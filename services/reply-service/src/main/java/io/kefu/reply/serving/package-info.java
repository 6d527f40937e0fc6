/**
 * Which model versions serve replies: follows model-versions, loads each ACTIVE and CANARY artifact verified against
 * its manifest and its registry record, swaps the active version between decode steps, routes a sticky share of
 * conversations to the canary, and reports refused artifacts back on model-versions.
 */
package io.kefu.reply.serving;
