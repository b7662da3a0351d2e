package dev.smsjdbc.aws;

import com.google.common.util.concurrent.ThreadFactoryBuilder;

import java.util.TreeMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The driver's one pool of I/O threads per JVM ({@code sms-jdbc-io-N}, daemon), shared by every open
 * {@link ApiSession}: a pool of many connections holds a bounded number of threads, not a set per
 * connection. It has twice the largest concurrency of the sessions open (so two busy sessions both run at
 * full width), at most {@link #MAX_THREADS}; idle threads exit after {@link #KEEP_ALIVE_SECONDS}, and
 * when the last session closes the pool is shut down, so that no driver thread outlives the connections.
 * Each session's own limit is kept by its {@link SessionExecutor}.
 */
final class IoThreads {
  static final int MAX_THREADS = 64;
  static final int KEEP_ALIVE_SECONDS = 2;

  private static ThreadPoolExecutor pool;
  /** How many open sessions run up to each concurrency: the pool is sized for the widest one open. */
  private static final TreeMap<Integer, Integer> OPEN = new TreeMap<>();

  private IoThreads() {}

  /** The shared pool, sized to serve a session that runs up to {@code sessionLimit} calls at once. */
  static synchronized ThreadPoolExecutor acquire(int sessionLimit) {
    OPEN.merge(sessionLimit, 1, Integer::sum);
    int size = size();
    if (pool == null) {
      pool = new ThreadPoolExecutor(size, size, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
          new ThreadFactoryBuilder().setDaemon(true).setNameFormat("sms-jdbc-io-%d").build());
      pool.allowCoreThreadTimeOut(true);
    } else {
      resize(size);
    }
    return pool;
  }

  /**
   * Called once per {@link #acquire} when the session closes: the pool shrinks to the widest session still
   * open. Calls in flight finish on their threads (neither shrinking nor shutdown interrupts them); when the
   * last session closes, the pool is shut down and a later session starts a new one.
   */
  static synchronized void release(ThreadPoolExecutor released, int sessionLimit) {
    if (released != pool) {
      return;
    }
    OPEN.computeIfPresent(sessionLimit, (limit, count) -> count == 1 ? null : count - 1);
    if (OPEN.isEmpty()) {
      pool.shutdown();
      pool = null;
    } else {
      resize(size());
    }
  }

  private static int size() {
    return Math.min(MAX_THREADS, 2 * OPEN.lastKey());
  }

  private static void resize(int size) {
    if (size > pool.getMaximumPoolSize()) {
      pool.setMaximumPoolSize(size);
      pool.setCorePoolSize(size);
    } else if (size < pool.getMaximumPoolSize()) {
      pool.setCorePoolSize(size);
      pool.setMaximumPoolSize(size);
    }
  }
}
