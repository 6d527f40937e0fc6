/** The {@code kefu} command: one subcommand per service plus the platform, tools and benchmarks. */
package io.kefu.cli;
