/** Reading the committed outputs and judging each case and the run's totals against them. */
package io.kefu.poison.verify;
