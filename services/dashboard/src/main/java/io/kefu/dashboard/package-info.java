/** The operator dashboard service: its settings, its lifecycle, and a {@code main} that only wires. */
package io.kefu.dashboard;
