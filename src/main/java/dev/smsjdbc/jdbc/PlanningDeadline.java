package dev.smsjdbc.jdbc;

import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.plan.RelOptListener;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code Statement.cancel()} and {@code setQueryTimeout} for the preparation of a statement (parse, validate,
 * plan, generate code), which runs on the statement's thread inside {@code execute}. Calcite hands its
 * preparation nothing that names the statement, so the execution opens a scope ({@link #enter}) on its
 * thread, and the preparation {@link #check}s it: between its phases, and at every rule the planner fires
 * ({@link #listener}), so that a search of many joins stops within milliseconds. The timeout counts from the
 * start of {@code execute}, as the query's does.
 *
 * <p>A {@link java.sql.PreparedStatement} is prepared before it has a timeout or can be cancelled: its
 * preparation is bounded by {@link PlanningLimits} only.
 */
final class PlanningDeadline implements AutoCloseable {
  private static final ThreadLocal<@Nullable PlanningDeadline> CURRENT = new ThreadLocal<>();

  private final @Nullable AtomicBoolean cancelFlag;
  private final long timeoutMillis;
  private final long startNanos = System.nanoTime();
  private final long deadlineNanos;
  private final @Nullable PlanningDeadline outer;

  private PlanningDeadline(@Nullable AtomicBoolean cancelFlag, long timeoutMillis) {
    this.cancelFlag = cancelFlag;
    this.timeoutMillis = timeoutMillis;
    this.deadlineNanos = startNanos + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    this.outer = CURRENT.get();
  }

  /**
   * Opens the scope of an {@code execute...} call on {@code statement}, on this thread; null (nothing to
   * close) for any other call.
   */
  static @Nullable PlanningDeadline enter(Object statement, String method) {
    if (!(statement instanceof AvaticaStatement avatica) || !method.startsWith("execute")) {
      return null;
    }
    int timeoutSeconds;
    try {
      timeoutSeconds = avatica.getQueryTimeout();
    } catch (SQLException e) {
      return null; // closed: the call fails on its own
    }
    PlanningDeadline deadline = new PlanningDeadline(StatementFlags.of(statement), timeoutSeconds * 1000L);
    CURRENT.set(deadline);
    return deadline;
  }

  @Override public void close() {
    CURRENT.set(outer);
  }

  /**
   * When the {@code execute} call running on this thread began, or now outside one: the execution's scans
   * count the query timeout from it too, so that preparation and reading share one timeout.
   */
  static long executionStart() {
    PlanningDeadline deadline = CURRENT.get();
    return deadline != null ? deadline.startNanos : System.nanoTime();
  }

  /** Fails the preparation on this thread if its statement was cancelled or its timeout has passed. */
  static void check() {
    PlanningDeadline deadline = CURRENT.get();
    if (deadline != null) {
      deadline.checkNow();
    }
  }

  private void checkNow() {
    if (cancelFlag != null && cancelFlag.get()) {
      throw new TranslatedException(ErrorTranslator.cancelled(null));
    }
    if (timeoutMillis > 0 && System.nanoTime() - deadlineNanos >= 0) {
      throw new TranslatedException(ErrorTranslator.queryTimedOut(timeoutMillis));
    }
  }

  /**
   * A planner listener that checks the deadline of the statement prepared on this thread, if any, at every
   * rule the planner fires and every expression it registers. Calcite's own cancel flag
   * ({@code CancelFlag} in the planner's context) only makes the Volcano planner stop early and implement its
   * best plan so far, and it cannot tell a timeout from a cancel.
   */
  static @Nullable RelOptListener listener() {
    PlanningDeadline deadline = CURRENT.get();
    return deadline == null ? null : new Listener(deadline);
  }

  private static final class Listener implements RelOptListener {
    private final PlanningDeadline deadline;

    Listener(PlanningDeadline deadline) {
      this.deadline = deadline;
    }

    @Override public void relEquivalenceFound(RelEquivalenceEvent event) {
      deadline.checkNow();
    }

    @Override public void ruleAttempted(RuleAttemptedEvent event) {
      deadline.checkNow();
    }

    @Override public void ruleProductionSucceeded(RuleProductionEvent event) {
      deadline.checkNow();
    }

    @Override public void relDiscarded(RelDiscardedEvent event) {}

    @Override public void relChosen(RelChosenEvent event) {}
  }
}
