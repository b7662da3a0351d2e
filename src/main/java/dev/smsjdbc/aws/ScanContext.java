package dev.smsjdbc.aws;

import org.checkerframework.checker.nullness.qual.Nullable;

import java.sql.SQLException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What one execution of a scan needs besides the API: the statement's cancel flag and query deadline, and
 * the connection's I/O threads. Waiting for an API call goes through {@link #await}, which wakes up often
 * enough that {@code Statement.cancel()} and {@code setQueryTimeout} take effect while a call is in flight.
 */
public final class ScanContext {
  private static final long POLL_MILLIS = 50;

  private final SmsApi api;
  private final AtomicBoolean cancelFlag;
  private final long timeoutMillis;
  private final long deadlineNanos;

  public ScanContext(SmsApi api, @Nullable AtomicBoolean cancelFlag, @Nullable Long timeoutMillis) {
    this.api = api;
    this.cancelFlag = cancelFlag == null ? new AtomicBoolean() : cancelFlag;
    this.timeoutMillis = timeoutMillis == null ? 0 : timeoutMillis;
    this.deadlineNanos = this.timeoutMillis > 0 ? System.nanoTime() + this.timeoutMillis * 1_000_000 : 0;
  }

  public SmsApi api() {
    return api;
  }

  /** Fails if the statement was cancelled or its timeout has passed. */
  public void check() throws SQLException {
    if (cancelFlag.get() || Thread.currentThread().isInterrupted()) {
      throw SmsErrors.cancelled();
    }
    if (deadlineNanos != 0 && System.nanoTime() - deadlineNanos >= 0) {
      throw SmsErrors.timedOut(timeoutMillis);
    }
  }

  /** Whether work on behalf of this scan should stop; for background tasks. */
  boolean stopped() {
    return cancelFlag.get() || Thread.currentThread().isInterrupted();
  }

  public <T> Future<T> submit(Callable<T> task) {
    return api.executor().submit(task);
  }

  /** Waits for a background call, giving up when the statement is cancelled or times out. */
  public <T> T await(Future<T> future, String operation) throws SQLException {
    while (true) {
      try {
        check();
      } catch (SQLException e) {
        future.cancel(true);
        throw e;
      }
      try {
        return future.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        // poll again: cancel and deadline are checked at the top of the loop
      } catch (ExecutionException e) {
        throw SmsErrors.translate(e.getCause(), operation);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        future.cancel(true);
        throw SmsErrors.cancelled();
      }
    }
  }
}
