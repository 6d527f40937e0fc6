/** The {@code kefu chaos} picocli commands that run the scenarios at full size and print their figures. */
package io.kefu.chaos.cli;
