package io.kefu.loadbench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * The heap in use just after a full collection, for the whole JVM: broker, registry, reply service and benchmark,
 * which all run in this process.
 */
public final class HeapProbe {
  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

  /** Asks for a full collection and returns the heap used after it, in MiB. */
  public double usedAfterGcMib() {
    memory.gc();
    return memory.getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
  }
}
