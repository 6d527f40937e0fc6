package io.kefu.loadbench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The heap in use just after a full collection, and the resident memory of the whole process: broker, registry,
 * reply service and benchmark, which all run in this process.
 */
public final class HeapProbe {
  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

  /** Asks for a full collection and returns the heap used after it, in MiB. */
  public double usedAfterGcMib() {
    memory.gc();
    return memory.getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
  }

  /** The process's resident memory in MiB ({@code VmRSS} of {@code /proc/self/status}), or NaN where there is none. */
  public double residentMib() {
    return residentMib(Path.of("/proc/self/status"));
  }

  static double residentMib(Path status) {
    try {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith("VmRSS:")) {
          String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+"); // "123456 kB"
          return Long.parseLong(parts[0]) / 1024.0;
        }
      }
      return Double.NaN;
    } catch (IOException | RuntimeException e) {
      return Double.NaN; // not Linux, or a format this does not know: the soak reports it as not measured
    }
  }
}
