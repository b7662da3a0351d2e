package dev.smsjdbc.aws;

import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What one execution of a scan needs besides the API: the statement's cancel flag and query deadline, and
 * the connection's I/O threads. Waiting for an API call goes through {@link #await}, which wakes up often
 * enough that {@code Statement.cancel()} and {@code setQueryTimeout} take effect while a call is in flight.
 *
 * <p>A call in flight is never interrupted: an interrupted HTTP call abandons its socket (to be freed only
 * by the garbage collector). It is left to finish in the background, its answer dropped, and no further
 * call is started once the scan is {@linkplain #stop() stopped} or cancelled.
 */
public final class ScanContext {
  private static final long POLL_MILLIS = 50;

  private final ApiSession session;
  private final Execution execution;
  private final boolean useCache;
  private final AtomicBoolean cancelFlag;
  private final long timeoutMillis;
  private final long deadlineNanos;
  private volatile boolean stopped;
  private final @Nullable ScanContext parent;

  /**
   * @param useCache whether answers may come from the shared cache ({@code cacheTtl}); false for a
   *     statement that opted out ({@code no_cache})
   */
  public ScanContext(ApiSession session, Execution execution, @Nullable AtomicBoolean cancelFlag,
      @Nullable Long timeoutMillis, boolean useCache) {
    this.session = session;
    this.execution = execution;
    this.useCache = useCache;
    this.cancelFlag = cancelFlag == null ? new AtomicBoolean() : cancelFlag;
    this.timeoutMillis = timeoutMillis == null ? 0 : timeoutMillis;
    this.deadlineNanos = this.timeoutMillis > 0 ? execution.startNanos() + this.timeoutMillis * 1_000_000 : 0;
    this.parent = null;
  }

  private ScanContext(ScanContext parent) {
    this.session = parent.session;
    this.execution = parent.execution;
    this.useCache = parent.useCache;
    this.cancelFlag = parent.cancelFlag;
    this.timeoutMillis = parent.timeoutMillis;
    this.deadlineNanos = parent.deadlineNanos;
    this.parent = parent;
  }

  /** A part of this scan (one Region's) that can stop alone; stopping this scan stops it too. */
  ScanContext child() {
    return new ScanContext(this);
  }

  public ApiSession session() {
    return session;
  }

  /** The execution of the statement this scan runs for. */
  public Execution execution() {
    return execution;
  }

  boolean useCache() {
    return useCache;
  }

  /** Fails if the statement was cancelled or its timeout has passed. */
  public void check() {
    if (stopped() || Thread.currentThread().isInterrupted()) {
      throw ApiException.cancelled();
    }
    if (deadlineNanos != 0 && System.nanoTime() - deadlineNanos >= 0) {
      throw ApiException.queryTimedOut(timeoutMillis);
    }
  }

  /** Whether work on behalf of this scan should stop; for background tasks. */
  boolean stopped() {
    return stopped || cancelFlag.get() || parent != null && parent.stopped();
  }

  /** Ends the scan: background tasks start no further call. */
  void stop() {
    stopped = true;
  }

  /**
   * Runs an API call on the I/O threads, within the connection's concurrency, unless the scan has stopped
   * by the time it starts.
   */
  public <T> Future<T> submit(Callable<T> task) {
    return session.submit(() -> {
      if (stopped()) {
        throw ApiException.cancelled();
      }
      return task.call();
    });
  }

  /** Waits for a background call, giving up when the statement is cancelled or times out. */
  public <T> T await(Future<T> future, String operation) {
    while (true) {
      try {
        check();
      } catch (ApiException e) {
        future.cancel(false);
        throw e;
      }
      try {
        return future.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        // poll again: cancel and deadline are checked at the top of the loop
      } catch (ExecutionException e) {
        throw ApiErrors.classify(e.getCause(), operation);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        future.cancel(false);
        throw ApiException.cancelled();
      }
    }
  }
}
