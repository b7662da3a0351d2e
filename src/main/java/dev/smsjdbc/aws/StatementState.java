package dev.smsjdbc.aws;

import com.google.common.collect.MapMaker;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the driver tracks per execution of a statement: an id for the {@code api_calls} table, the API calls
 * made against the {@code maxApiCalls} budget, warnings (failed regions with {@code partialResults}), and
 * whether the statement opted out of the cache.
 *
 * <p>Calcite hands a table nothing that identifies the statement but its cancel flag, one per statement, so
 * that flag is the key (held weakly: the state goes when the statement does).
 */
public final class StatementState {
  private static final Map<AtomicBoolean, StatementState> STATES = new MapMaker().weakKeys().makeMap();
  private static final AtomicLong IDS = new AtomicLong();

  private volatile long id = IDS.incrementAndGet();
  private final AtomicInteger calls = new AtomicInteger();
  private final List<SQLWarning> warnings = new ArrayList<>();
  private volatile boolean noCache;

  /** The state of the statement whose cancel flag this is. */
  public static StatementState of(@Nullable AtomicBoolean cancelFlag) {
    return cancelFlag == null ? new StatementState() : STATES.computeIfAbsent(cancelFlag, f -> new StatementState());
  }

  /** Starts a new execution: new id, no calls, no warnings. */
  public synchronized void reset(boolean noCache) {
    id = IDS.incrementAndGet();
    calls.set(0);
    warnings.clear();
    this.noCache = noCache;
  }

  public long id() {
    return id;
  }

  boolean noCache() {
    return noCache;
  }

  /** Counts {@code n} calls about to be made; fails, before they are made, if they would exceed the budget. */
  void charge(int n, int maxApiCalls) throws SQLException {
    int total = calls.addAndGet(n);
    if (total > maxApiCalls) {
      calls.addAndGet(-n);
      throw new SQLException("This statement needs more than maxApiCalls=" + maxApiCalls + " API calls and "
          + "was stopped before making them. Narrow the query (e.g. WHERE replication_job_id = ..., LIMIT) or "
          + "raise the maxApiCalls connection property.", "54000");
    }
  }

  synchronized void warn(SQLWarning warning) {
    warnings.add(warning);
  }

  /** The warnings of the current execution, chained, or null. */
  public synchronized @Nullable SQLWarning warnings() {
    SQLWarning first = null;
    for (SQLWarning w : warnings) {
      SQLWarning copy = new SQLWarning(w.getMessage(), w.getSQLState(), w.getErrorCode(), w.getCause());
      if (first == null) {
        first = copy;
      } else {
        first.setNextWarning(copy);
      }
    }
    return first;
  }

  public synchronized void clearWarnings() {
    warnings.clear();
  }
}
