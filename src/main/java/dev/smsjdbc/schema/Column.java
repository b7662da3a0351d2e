package dev.smsjdbc.schema;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.time.Instant;
import java.util.function.Function;

/**
 * One column of an SMS table: its SQL name and type, how its value is read from an API item, and its
 * documentation. Values are produced in Calcite's internal form, but for TIMESTAMP: epoch millis of the instant, which
 * {@link TableDefinition#toRow} turns into the session's wall clock.
 *
 * @param <T> the API item a row is made from
 */
public record Column<T>(String name, SqlTypeName type, boolean nullable,
    Function<T, @Nullable Object> value, String remarks) {

  /** Precision of TIMESTAMP columns: the API's epoch seconds carry fractions down to milliseconds. */
  static final int TIMESTAMP_PRECISION = 3;

  static <T> Column<T> varchar(String name, Function<T, @Nullable String> value, String remarks) {
    return new Column<>(name, SqlTypeName.VARCHAR, true, value::apply, remarks);
  }

  /** A VARCHAR column that is never null: keys, and the region a row came from. */
  static <T> Column<T> requiredVarchar(String name, Function<T, String> value, String remarks) {
    return new Column<>(name, SqlTypeName.VARCHAR, false, value::apply, remarks);
  }

  static <T> Column<T> integer(String name, Function<T, @Nullable Integer> value, String remarks) {
    return new Column<>(name, SqlTypeName.INTEGER, true, value::apply, remarks);
  }

  static <T> Column<T> bigint(String name, Function<T, @Nullable Long> value, String remarks) {
    return new Column<>(name, SqlTypeName.BIGINT, true, value::apply, remarks);
  }

  static <T> Column<T> bool(String name, Function<T, @Nullable Boolean> value, String remarks) {
    return new Column<>(name, SqlTypeName.BOOLEAN, true, value::apply, remarks);
  }

  static <T> Column<T> timestamp(String name, Function<T, @Nullable Instant> value, String remarks) {
    return new Column<>(name, SqlTypeName.TIMESTAMP, true, item -> {
      Instant instant = value.apply(item);
      return instant == null ? null : instant.toEpochMilli();
    }, remarks);
  }

  /** The SQL type of this column. */
  public RelDataType sqlType(RelDataTypeFactory typeFactory) {
    RelDataType type = this.type == SqlTypeName.TIMESTAMP
        ? typeFactory.createSqlType(SqlTypeName.TIMESTAMP, TIMESTAMP_PRECISION)
        : typeFactory.createSqlType(this.type);
    return typeFactory.createTypeWithNullability(type, nullable);
  }
}
