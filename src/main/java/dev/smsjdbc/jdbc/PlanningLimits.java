package dev.smsjdbc.jdbc;

import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The size of statement the driver prepares. Calcite's parser, validator, planner and Janino recurse over a
 * statement's structure, so what is too deep for the Java stack of the calling thread fails there, as
 * {@code StackOverflowError}, which {@link ErrorTranslator} reports as "statement too complex" (54001), the
 * connection usable as before. The text is bounded beforehand, so that no statement costs unbounded time
 * and memory before it fails.
 */
final class PlanningLimits {
  /** The longest statement text prepared, in characters: an IN list of 10,000 ids is about 150,000. */
  static final int MAX_STATEMENT_LENGTH = 1_000_000;

  private PlanningLimits() {}

  /** Fails, before it is parsed, a statement longer than {@link #MAX_STATEMENT_LENGTH}. */
  static void check(@Nullable String sql) {
    if (sql != null && sql.length() > MAX_STATEMENT_LENGTH) {
      throw new TranslatedException(ErrorTranslator.statementTooComplex("its text has " + sql.length()
          + " characters, more than the " + MAX_STATEMENT_LENGTH + " the driver prepares", null));
    }
  }
}
