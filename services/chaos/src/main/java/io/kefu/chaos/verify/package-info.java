/** The exactly-once check: outputs read as a read_committed consumer, compared with what was sent, and group lag. */
package io.kefu.chaos.verify;
