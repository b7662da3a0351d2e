package dev.smsjdbc.jdbc;

import org.apache.calcite.sql.SqlKind;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.EnumSet;
import java.util.Set;

/**
 * The driver is read-only: statements that would write are refused before they are planned, with one line
 * ({@link ErrorTranslator#readOnly}) instead of Calcite's planner dump. DML is recognised by its parsed kind;
 * DDL, which Calcite's parser does not know, by its first keyword when it fails to parse.
 */
final class ReadOnlyStatements {
  private static final Set<SqlKind> WRITES = EnumSet.of(SqlKind.INSERT, SqlKind.UPDATE, SqlKind.DELETE,
      SqlKind.MERGE);

  private static final Set<String> DDL_KEYWORDS =
      Set.of("CREATE", "DROP", "ALTER", "TRUNCATE", "GRANT", "REVOKE", "RENAME", "COMMENT");

  private ReadOnlyStatements() {}

  /** Refuses a parsed statement that writes. */
  static void check(SqlKind kind) {
    if (WRITES.contains(kind)) {
      throw refused(kind);
    }
  }

  /** The failure for a statement of {@code kind}, such as DDL that Calcite would hand to its executor. */
  static TranslatedException refused(SqlKind kind) {
    return new TranslatedException(ErrorTranslator.readOnly(kind.sql.replace('_', ' ')));
  }

  /** The failure for a statement that did not parse because it is DDL, or null if it is not DDL. */
  static @Nullable TranslatedException refusedDdl(@Nullable String sql) {
    String keyword = sql == null ? "" : StatementText.firstKeyword(sql);
    return DDL_KEYWORDS.contains(keyword) ? new TranslatedException(ErrorTranslator.readOnly(keyword)) : null;
  }
}
