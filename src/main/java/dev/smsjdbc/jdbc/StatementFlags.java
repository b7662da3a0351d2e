package dev.smsjdbc.jdbc;

import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The cancel flag of the statement behind a JDBC object. Calcite hands its tables nothing else that
 * identifies a statement, so the flag is the key under which the driver keeps per-statement state
 * ({@code StatementExecutions}, {@link MaxRows}).
 */
final class StatementFlags {
  private StatementFlags() {}

  /** The flag of a statement, or of a result set's statement; null where there is none (metadata). */
  static @Nullable AtomicBoolean of(Object statementOrResultSet) {
    try {
      Object statement = statementOrResultSet instanceof ResultSet rs ? rs.getStatement() : statementOrResultSet;
      if (statement instanceof AvaticaStatement avatica) {
        return avatica.getConnection().getCancelFlag(avatica.handle);
      }
    } catch (SQLException | NoSuchStatementException e) {
      // closed: no state left to find
    }
    return null;
  }

  /**
   * Called as an execution starts. Avatica never clears the flag, so one idle {@code cancel()}, or one that
   * stopped (or a timeout of) the previous execution, would fail every later one; JDBC keeps the statement
   * usable and pgjdbc ignores an idle cancel. A cancel from now on, planning included, stops this execution.
   */
  static void clearCancel(Object statement) {
    AtomicBoolean flag = of(statement);
    if (flag != null) {
      flag.set(false);
    }
  }

  /** Sets the flag of a statement, without waiting for its lock: what stops its preparation. */
  static void cancel(Object statement) {
    AtomicBoolean flag = of(statement);
    if (flag != null) {
      flag.set(true);
    }
  }

  static boolean isCancelled(Object statementOrResultSet) {
    AtomicBoolean flag = of(statementOrResultSet);
    return flag != null && flag.get();
  }
}
