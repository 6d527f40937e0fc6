/** The outcome of a run: the per-case table, totals and liveness, as text and JSON. */
package io.kefu.poison.report;
