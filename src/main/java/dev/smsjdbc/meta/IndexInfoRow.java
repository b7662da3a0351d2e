package dev.smsjdbc.meta;

import org.checkerframework.checker.nullness.qual.Nullable;

import java.sql.DatabaseMetaData;

/**
 * A row of {@code getIndexInfo}: one column of a primary key's unique index, as pgjdbc lists the index
 * behind each primary key. SMS has no indexes of its own; the key is what identifies a row, and tools (the
 * data editor, DDL views) look for a unique index to know that. Fields are named after the JDBC columns.
 */
public final class IndexInfoRow {
  public final @Nullable String tableCat = null;
  public final String tableSchem;
  public final String tableName;
  public final boolean nonUnique = false;
  public final @Nullable String indexQualifier = null;
  public final String indexName;
  public final short type = DatabaseMetaData.tableIndexOther;
  public final short ordinalPosition;
  public final String columnName;
  public final String ascOrDesc = "A";
  /** Unknown: the number of rows is known only by listing them. */
  public final @Nullable Long cardinality = null;
  public final @Nullable Long pages = null;
  public final @Nullable String filterCondition = null;

  IndexInfoRow(String tableSchem, String tableName, String indexName, short ordinalPosition, String columnName) {
    this.tableSchem = tableSchem;
    this.tableName = tableName;
    this.indexName = indexName;
    this.ordinalPosition = ordinalPosition;
    this.columnName = columnName;
  }
}
