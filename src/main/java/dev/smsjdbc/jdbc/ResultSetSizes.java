package dev.smsjdbc.jdbc;

import dev.smsjdbc.meta.ColumnSizes;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;

/**
 * {@code ResultSetMetaData.getPrecision}, {@code getScale} and {@code getColumnDisplaySize} as pgjdbc reports
 * them ({@link ColumnSizes}, the figures of {@code getColumns}). They cannot be put into Calcite's column
 * metadata itself: Avatica reads a TIMESTAMP's precision there as the fraction digits of {@code getString}.
 */
final class ResultSetSizes {
  private ResultSetSizes() {}

  /** The answer to {@code method} (one of the three) for {@code column}. */
  static int get(ResultSetMetaData calcite, Method method, int column) throws SQLException {
    try {
      // Calcite's display size is the type's own precision: -1 for an unbounded VARCHAR, 3 for TIMESTAMP(3).
      ColumnSizes.Size size = ColumnSizes.of(calcite.getColumnType(column), calcite.getColumnDisplaySize(column));
      if (size == null) {
        return (Integer) method.invoke(calcite, column);
      }
      return switch (method.getName()) {
        case "getPrecision" -> size.precision();
        case "getScale" -> size.scale();
        default -> size.displaySize();
      };
    } catch (ReflectiveOperationException | RuntimeException | SQLException e) {
      Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
      throw ErrorTranslator.translate(cause);
    }
  }
}
