package dev.smsjdbc.meta;

import dev.smsjdbc.jdbc.SqlState;
import org.apache.calcite.avatica.ConnectionPropertiesImpl;
import org.apache.calcite.avatica.Meta;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.function.Function;

/**
 * The transaction settings of a connection to a read-only source without transactions, as JDBC allows and
 * pools expect: a new connection is in auto-commit mode; {@code setAutoCommit} is remembered, so that
 * {@code getAutoCommit} answers what was set (HikariCP, DBCP2 and Spark read it back before they commit or
 * roll back); the connection is read-only whatever {@code setReadOnly} asked (a hint, JDBC says), and its
 * isolation is {@code TRANSACTION_NONE} whatever valid level was asked for (as the DatabaseMetaData
 * says: read-only, no transactions). {@code commit} and {@code rollback} have nothing to end and do
 * nothing, in either mode: JDBC lets commit fail in auto-commit mode, but code that commits regardless
 * gains nothing from an error on a source that cannot have changed.
 */
final class ReadOnlyTransactions {
  private static final Set<Integer> LEVELS = Set.of(Connection.TRANSACTION_NONE,
      Connection.TRANSACTION_READ_UNCOMMITTED, Connection.TRANSACTION_READ_COMMITTED,
      Connection.TRANSACTION_REPEATABLE_READ, Connection.TRANSACTION_SERIALIZABLE);

  /** JDBC's default; Calcite starts its connections with auto-commit off. */
  private volatile boolean autoCommit = true;

  /**
   * Applies a {@code connectionSync} request: validates it, lets Calcite merge the rest (catalog,
   * schema), and fixes what a read-only source cannot change.
   */
  Meta.ConnectionProperties sync(ConnectionPropertiesImpl current, Meta.ConnectionProperties requested,
      Function<Meta.ConnectionProperties, Meta.ConnectionProperties> merge) {
    Integer level = requested.getTransactionIsolation();
    if (level != null && !LEVELS.contains(level)) {
      // Meta's methods cannot throw SQLException; the ErrorTranslator finds it as the cause.
      throw new IllegalArgumentException(new SQLException("Invalid transaction isolation level " + level
          + ": not one of the java.sql.Connection constants", SqlState.INVALID_ATTRIBUTE_VALUE.code()));
    }
    if (requested.isAutoCommit() != null) {
      autoCommit = requested.isAutoCommit();
    }
    merge.apply(requested);
    current.setAutoCommit(autoCommit).setReadOnly(true).setTransactionIsolation(Connection.TRANSACTION_NONE);
    current.setDirty(false);
    return current;
  }
}
