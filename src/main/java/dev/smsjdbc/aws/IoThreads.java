package dev.smsjdbc.aws;

import com.google.common.util.concurrent.ThreadFactoryBuilder;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The driver's one pool of I/O threads per JVM ({@code sms-jdbc-io-N}, daemon), shared by every open
 * {@link ApiSession}: a pool of many connections holds a bounded number of threads, not a set per
 * connection. It has twice the largest per-session concurrency seen (so two busy sessions both run at
 * full width), at most {@link #MAX_THREADS}; idle threads exit after {@link #KEEP_ALIVE_SECONDS}, and
 * when the last session closes the pool is shut down, so that no driver thread outlives the connections.
 * Each session's own limit is kept by its {@link SessionExecutor}.
 */
final class IoThreads {
  static final int MAX_THREADS = 64;
  static final int KEEP_ALIVE_SECONDS = 2;

  private static ThreadPoolExecutor pool;
  private static int sessions;

  private IoThreads() {}

  /** The shared pool, grown to serve a session that runs up to {@code sessionLimit} calls at once. */
  static synchronized ThreadPoolExecutor acquire(int sessionLimit) {
    int size = Math.min(MAX_THREADS, 2 * sessionLimit);
    if (pool == null) {
      pool = new ThreadPoolExecutor(size, size, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
          new ThreadFactoryBuilder().setDaemon(true).setNameFormat("sms-jdbc-io-%d").build());
      pool.allowCoreThreadTimeOut(true);
    } else if (size > pool.getMaximumPoolSize()) {
      pool.setMaximumPoolSize(size);
      pool.setCorePoolSize(size);
    }
    sessions++;
    return pool;
  }

  /**
   * Called once per {@link #acquire} when the session closes. Calls in flight finish on their threads
   * (shutdown does not interrupt them); a later session starts a new pool.
   */
  static synchronized void release(ThreadPoolExecutor released) {
    if (released != pool) {
      return;
    }
    if (--sessions == 0) {
      pool.shutdown();
      pool = null;
    }
  }
}
