package dev.smsjdbc.jdbc;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.function.BooleanSupplier;

/** What a closed connection must have given back, read from outside the driver: its threads and its heap. */
final class DriverResources {
  private DriverResources() {}

  /** Live driver I/O threads ({@code sms-jdbc-io-N}). */
  static List<String> ioThreads() {
    return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive()
        && t.getName().startsWith("sms-jdbc-io")).map(Thread::getName).sorted().toList();
  }

  /** Polls {@code condition} for up to {@code millis}; whether it came true. */
  static boolean within(long millis, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + millis * 1_000_000;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline >= 0) {
        return false;
      }
      Thread.sleep(50);
    }
    return true;
  }

  /** Used heap after a full collection, the least of three tries. */
  static long usedHeapAfterGc() throws InterruptedException {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50);
      used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
