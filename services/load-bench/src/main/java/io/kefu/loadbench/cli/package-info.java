/** The picocli command {@code load}, registered under {@code kefu bench}. */
package io.kefu.loadbench.cli;
