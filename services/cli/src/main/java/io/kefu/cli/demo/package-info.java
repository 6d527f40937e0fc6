/** The one-command demo: the embedded platform and every Kefu service in one process, with simulated customers. */
package io.kefu.cli.demo;
