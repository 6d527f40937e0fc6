/** The {@code poison} command, registered by the CLI under {@code kefu chaos}. */
package io.kefu.poison.cli;
