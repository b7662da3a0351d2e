package dev.smsjdbc.schema;

import com.google.common.collect.ImmutableList;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.List;
import java.util.Optional;
import java.util.TimeZone;

/**
 * The definition of one SMS table: name, documentation, columns, the column whose equality filters become
 * API parameters, the primary key, and the foreign keys to other tables.
 *
 * @param <T> the API item a row is made from
 */
public record TableDefinition<T>(String name, String remarks, @Nullable String keyColumn,
    List<String> primaryKey, List<Column<T>> columns, List<ForeignKey> foreignKeys) {

  public TableDefinition {
    columns = ImmutableList.copyOf(columns);
    primaryKey = ImmutableList.copyOf(primaryKey);
    foreignKeys = ImmutableList.copyOf(foreignKeys);
  }

  /** A table that references no other table. */
  public TableDefinition(String name, String remarks, @Nullable String keyColumn, List<String> primaryKey,
      List<Column<T>> columns) {
    this(name, remarks, keyColumn, primaryKey, columns, List.of());
  }

  /** The row type that Calcite sees. */
  public RelDataType rowType(RelDataTypeFactory typeFactory) {
    RelDataTypeFactory.Builder builder = typeFactory.builder();
    for (Column<T> column : columns) {
      builder.add(column.name(), column.sqlType(typeFactory));
    }
    return builder.build();
  }

  /** Position of the key column in the row, or -1 if the API takes no key for this table. */
  public int keyIndex() {
    return keyColumn == null ? -1 : indexOf(keyColumn);
  }

  /** Position of the {@code region} column, which every table has; filters on it prune Regions. */
  public int regionIndex() {
    return indexOf("region");
  }

  public int indexOf(String columnName) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(columnName)) {
        return i;
      }
    }
    throw new IllegalArgumentException("no column " + columnName + " in " + name);
  }

  public Optional<Column<T>> column(String columnName) {
    return columns.stream().filter(c -> c.name().equalsIgnoreCase(columnName)).findFirst();
  }

  /**
   * Converts one API item to a row, in column order. A TIMESTAMP becomes Calcite's form of it: the wall
   * clock in the session's time zone ({@code DataContext.Variable.TIME_ZONE}), counted as if it were UTC;
   * so text, literals and parameters, which Calcite reads in that zone, compare with it.
   */
  public @Nullable Object[] toRow(T item, TimeZone zone) {
    @Nullable Object[] row = new Object[columns.size()];
    for (int i = 0; i < row.length; i++) {
      Object value = columns.get(i).value().apply(item);
      row[i] = value instanceof Long millis && columns.get(i).type() == SqlTypeName.TIMESTAMP
          ? millis + zone.getOffset(millis) : value;
    }
    return row;
  }
}
