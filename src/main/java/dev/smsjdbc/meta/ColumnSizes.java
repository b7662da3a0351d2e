package dev.smsjdbc.meta;

import org.checkerframework.checker.nullness.qual.Nullable;

import java.sql.Types;

/**
 * Precision, scale and display size of the driver's column types as pgjdbc reports them for the same
 * PostgreSQL types (its {@code TypeInfoCache}), in {@code getColumns} ({@code COLUMN_SIZE},
 * {@code DECIMAL_DIGITS}, {@code CHAR_OCTET_LENGTH}) and in {@code ResultSetMetaData} alike: GUI tools size
 * grid columns and generate DDL from them. Calcite reports -1 or 0 for an unbounded VARCHAR and the
 * fraction digits as a TIMESTAMP's display size. Other types keep Calcite's figures.
 */
public final class ColumnSizes {
  /** The size of a VARCHAR without a length: pgjdbc's default {@code unknownLength}. */
  public static final int UNBOUNDED = Integer.MAX_VALUE;

  /** Characters of {@code yyyy-mm-dd hh:mm:ss}, before the fraction of a second. */
  private static final int TIMESTAMP_SECONDS_WIDTH = 19;

  private ColumnSizes() {}

  /** The sizes of one type. */
  public record Size(int precision, int scale, int displaySize) {}

  /**
   * The sizes of a column of JDBC type {@code jdbcType} whose Calcite precision is {@code precision} (-1 when
   * not specified), or null for a type whose Calcite figures stand.
   */
  public static @Nullable Size of(int jdbcType, int precision) {
    switch (jdbcType) {
    case Types.VARCHAR:
    case Types.CHAR:
      int length = precision < 0 ? UNBOUNDED : precision;
      return new Size(length, 0, length);
    case Types.BOOLEAN:
      return new Size(1, 0, 1);
    case Types.SMALLINT:
      return new Size(5, 0, 6);
    case Types.INTEGER:
      return new Size(10, 0, 11); // display: -2147483648
    case Types.BIGINT:
      return new Size(19, 0, 20);
    case Types.TIMESTAMP:
      int fraction = Math.max(precision, 0);
      int width = TIMESTAMP_SECONDS_WIDTH + (fraction > 0 ? fraction + 1 : 0);
      return new Size(width, fraction, width);
    default:
      return null;
    }
  }
}
