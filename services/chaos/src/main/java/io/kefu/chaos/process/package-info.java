/** Services as separate OS processes: launching a child JVM, capturing its log, and SIGKILL, SIGSTOP, SIGCONT. */
package io.kefu.chaos.process;
