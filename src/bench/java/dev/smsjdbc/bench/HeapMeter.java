package dev.smsjdbc.bench;

import com.sun.management.GarbageCollectionNotificationInfo;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Heap in use while a query runs: the highest heap use (the sum of the heap pools' peaks since
 * {@link #start()}, garbage included) and the highest heap use right after a garbage collection (the live
 * set, as far as collections happened during the query).
 */
final class HeapMeter {
  private static final List<MemoryPoolMXBean> POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
      .filter(p -> p.getType() == MemoryType.HEAP).toList();
  private static final AtomicLong MAX_AFTER_GC = new AtomicLong();
  private static final AtomicInteger GCS = new AtomicInteger();

  static {
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
          return;
        }
        GarbageCollectionNotificationInfo info =
            GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        long after = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
            .filter(e -> POOLS.stream().anyMatch(p -> p.getName().equals(e.getKey())))
            .mapToLong(e -> e.getValue().getUsed()).sum();
        MAX_AFTER_GC.accumulateAndGet(after, Math::max);
        GCS.incrementAndGet();
      }, null, null);
    }
  }

  private HeapMeter() {}

  /** Collects garbage, then starts measuring. Returns the heap in use after the collection. */
  static long start() {
    System.gc();
    long used = used();
    POOLS.forEach(MemoryPoolMXBean::resetPeakUsage);
    MAX_AFTER_GC.set(0);
    GCS.set(0);
    return used;
  }

  static long used() {
    return POOLS.stream().map(MemoryPoolMXBean::getUsage).mapToLong(MemoryUsage::getUsed).sum();
  }

  /** The highest heap use since {@link #start()}, garbage included. */
  static long peak() {
    return POOLS.stream().map(MemoryPoolMXBean::getPeakUsage).mapToLong(MemoryUsage::getUsed).sum();
  }

  /** The highest heap use right after a collection since {@link #start()}; 0 if none ran. */
  static long maxAfterGc() {
    return MAX_AFTER_GC.get();
  }

  static int collections() {
    return GCS.get();
  }

  static double mb(long bytes) {
    return bytes / (1024.0 * 1024.0);
  }
}
