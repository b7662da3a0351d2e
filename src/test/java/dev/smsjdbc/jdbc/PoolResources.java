package dev.smsjdbc.jdbc;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a closed pool must give back: its threads, its sockets and its heap. */
final class PoolResources {
  /** Retained heap a closed pool may leave behind: collector noise and the JVM-wide caches warmed before. */
  private static final long HEAP_SLACK_BYTES = 16L << 20;
  /** Idle keep-alive connections of the JDK's HTTP client close after 5 s. */
  private static final long WAIT_MILLIS = 15_000;

  private PoolResources() {
  }

  static Baseline baseline() throws Exception {
    return new Baseline(threadIds(), openSockets(), usedHeapAfterGc());
  }

  record Baseline(Set<Long> threads, long sockets, long heap) {
    void assertRestored() throws Exception {
      long deadline = System.currentTimeMillis() + WAIT_MILLIS;
      while (System.currentTimeMillis() < deadline && (!newThreads(this).isEmpty() || openSockets() > sockets)) {
        Thread.sleep(100);
      }
      assertEquals(List.of(), newThreads(this), "threads left after the pool closed");
      assertTrue(openSockets() <= sockets, "sockets before " + sockets + ", after " + openSockets());
      long heapAfter = usedHeapAfterGc();
      System.out.printf("heap after GC: %d MiB at baseline, %d MiB after close%n", heap >> 20, heapAfter >> 20);
      assertTrue(heapAfter <= heap + HEAP_SLACK_BYTES, "heap before " + heap + ", after " + heapAfter);
    }
  }

  /** Live threads not there at the baseline, except the JDK's keep-alive timer and the emulator's (server side). */
  private static List<String> newThreads(Baseline b) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && !b.threads().contains(t.getId()) && !t.getName().equals("Keep-Alive-Timer")
            && !t.getName().startsWith("sms-emulator-"))
        .map(Thread::getName).sorted().toList();
  }

  private static Set<Long> threadIds() {
    return Thread.getAllStackTraces().keySet().stream().map(Thread::getId).collect(Collectors.toSet());
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50);
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }

  /** Sockets this process holds open, the emulator's included (Linux). */
  static long openSockets() throws IOException {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.filter(fd -> {
        try {
          return Files.readSymbolicLink(fd).toString().startsWith("socket:");
        } catch (IOException e) {
          return false;
        }
      }).count();
    }
  }
}
