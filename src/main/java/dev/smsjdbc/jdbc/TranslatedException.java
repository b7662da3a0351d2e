package dev.smsjdbc.jdbc;

import java.sql.SQLException;

/**
 * A failure already translated by {@link ErrorTranslator}, carried through Calcite code that cannot throw
 * checked exceptions (statement preparation); {@link ErrorTranslator#translate} finds its SQLException in the
 * cause chain.
 */
final class TranslatedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  TranslatedException(SQLException translated) {
    super(translated.getMessage(), translated, false, false);
  }
}
