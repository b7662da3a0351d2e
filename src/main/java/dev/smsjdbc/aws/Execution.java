package dev.smsjdbc.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One execution of a statement as the API side sees it: an id for {@code sms_meta.api_calls}, the calls made
 * against the {@code maxApiCalls} budget, the answers it got (shared by identical calls), when it began, and
 * the failures that did not stop it (a Region skipped with {@code partialResults}), which the JDBC layer
 * reports as warnings. {@link #reset} starts the next execution.
 */
public final class Execution {
  private static final AtomicLong IDS = new AtomicLong();

  private volatile long id = IDS.incrementAndGet();
  private final AtomicInteger calls = new AtomicInteger();
  private final List<ApiException> warnings = new ArrayList<>();
  private volatile StatementPages pages = new StatementPages();
  private volatile long startNanos = System.nanoTime();

  /**
   * Starts a new execution: new id, no calls, no warnings, no answers shared yet.
   *
   * @param startNanos when it began ({@link System#nanoTime}): its query timeout counts from there
   */
  public synchronized void reset(long startNanos) {
    this.startNanos = startNanos;
    id = IDS.incrementAndGet();
    calls.set(0);
    warnings.clear();
    pages = new StatementPages();
  }

  public long id() {
    return id;
  }

  /** When this execution began: every scan of it, a join's batches included, shares one query timeout. */
  long startNanos() {
    return startNanos;
  }

  /** The answers of the calls this execution made: each identical call is made once. */
  StatementPages pages() {
    return pages;
  }

  /** Counts a call about to be made; fails, before it is made, if it would exceed the budget. */
  void charge(int maxApiCalls) {
    if (calls.incrementAndGet() > maxApiCalls) {
      calls.decrementAndGet();
      throw new ApiException(ApiException.Kind.CALL_BUDGET, "This statement needs more than maxApiCalls="
          + maxApiCalls + " API calls and was stopped before making them. Narrow the query (e.g. WHERE"
          + " replication_job_id = ..., LIMIT) or raise the maxApiCalls connection property.");
    }
  }

  synchronized void warn(ApiException warning) {
    warnings.add(warning);
  }

  /** The failures of the current execution that did not stop it, oldest first. */
  public synchronized List<ApiException> warnings() {
    return List.copyOf(warnings);
  }

  public synchronized void clearWarnings() {
    warnings.clear();
  }
}
