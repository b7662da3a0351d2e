package dev.smsjdbc.jdbc;

import dev.smsjdbc.aws.ApiException;
import dev.smsjdbc.aws.Execution;
import dev.smsjdbc.schema.StatementExecutions;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.sql.SQLWarning;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code getWarnings} / {@code clearWarnings} of statements and result sets: the failures an execution
 * survived (a Region skipped with {@code partialResults}). Avatica's own always answer null.
 */
final class StatementWarnings {
  private StatementWarnings() {}

  /** The warnings of the current execution of the statement behind {@code target}, chained, or null. */
  static @Nullable SQLWarning get(Object target) {
    Execution execution = execution(target);
    if (execution == null) {
      return null;
    }
    SQLWarning first = null;
    for (ApiException e : execution.warnings()) {
      SQLWarning warning = ErrorTranslator.warning(e);
      if (first == null) {
        first = warning;
      } else {
        first.setNextWarning(warning);
      }
    }
    return first;
  }

  static void clear(Object target) {
    Execution execution = execution(target);
    if (execution != null) {
      execution.clearWarnings();
    }
  }

  private static @Nullable Execution execution(Object target) {
    AtomicBoolean flag = StatementFlags.of(target);
    return flag == null ? null : StatementExecutions.of(flag);
  }
}
