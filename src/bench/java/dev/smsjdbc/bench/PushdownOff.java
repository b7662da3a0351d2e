package dev.smsjdbc.bench;

import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.runtime.Hook;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.regex.Pattern;

/**
 * Baseline (b): a statement planned without the driver's pushdown. Calcite's {@link Hook#PLANNER} hands each
 * new planner of this thread to us before planning starts; its rule exclusion filter then keeps the
 * driver's rules from firing (the scan adds them later, in {@code SmsTableScan.register}; the filter applies
 * to rules added after it too). The driver runs in this JVM, so the hook reaches its planner.
 */
final class PushdownOff {
  /** The descriptions of the rules that push keys and limits into the scans. */
  static final Pattern RULES = Pattern.compile("SmsFilterKeysRule|SmsLimitRule|JoinPushTransitivePredicatesRule");

  private PushdownOff() {}

  /** Pushdown off for the statements this thread plans until the returned hook is closed. */
  static Hook.Closeable install() {
    return Hook.PLANNER.addThread((RelOptPlanner planner) -> planner.setRuleDescExclusionFilter(RULES));
  }

  /** The scenario's statement, planned with pushdown off (a prepared statement keeps its plan). */
  @SuppressWarnings("try") // the hook is only held open while the statement is planned
  static PreparedStatement prepare(Scenario scenario, Connection c) throws SQLException {
    try (Hook.Closeable off = install()) {
      return scenario.prepare(c);
    }
  }
}
