package dev.smsjdbc.meta;

import com.google.common.base.CharMatcher;
import dev.smsjdbc.schema.DefinedTable;
import org.apache.calcite.avatica.MetaImpl.MetaColumn;
import org.apache.calcite.jdbc.CalciteMetaColumnFactory;
import org.apache.calcite.schema.Table;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@code DatabaseMetaData.getColumns} rows as GUI tools want them: REMARKS from the column metadata,
 * TYPE_NAME without Calcite's " NOT NULL" suffix or precision, and sizes as pgjdbc reports them
 * ({@link ColumnSizes}).
 */
public final class SmsMetaColumnFactory implements CalciteMetaColumnFactory {
  public static final SmsMetaColumnFactory INSTANCE = new SmsMetaColumnFactory();

  private SmsMetaColumnFactory() {}

  /** A column row with remarks. The field hides Avatica's always-null {@code remarks}, which is read by name. */
  public static final class SmsMetaColumn extends MetaColumn {
    public final @Nullable String remarks;

    SmsMetaColumn(String tableCat, String tableSchem, String tableName, String columnName, int dataType,
        String typeName, @Nullable Integer columnSize, @Nullable Integer decimalDigits, int numPrecRadix,
        int nullable, @Nullable Integer charOctetLength, int ordinalPosition, String isNullable,
        @Nullable String remarks) {
      super(tableCat, tableSchem, tableName, columnName, dataType, typeName, columnSize, decimalDigits,
          numPrecRadix, nullable, charOctetLength, ordinalPosition, isNullable);
      this.remarks = remarks;
    }
  }

  @Override public MetaColumn createColumn(Table table, String tableCat, String tableSchem, String tableName,
      String columnName, int dataType, String typeName, Integer columnSize, @Nullable Integer decimalDigits,
      int numPrecRadix, int nullable, Integer charOctetLength, int ordinalPosition, String isNullable) {
    String remarks = table instanceof DefinedTable defined
        ? defined.definition().column(columnName).map(c -> c.remarks()).orElse(null) : null;
    // As pgjdbc: COLUMN_SIZE is the precision, DECIMAL_DIGITS the scale, CHAR_OCTET_LENGTH the size.
    ColumnSizes.Size size = ColumnSizes.of(dataType, columnSize == null ? -1 : columnSize);
    return new SmsMetaColumn(tableCat, tableSchem, tableName, columnName, dataType, cleanTypeName(typeName),
        size == null ? columnSize : Integer.valueOf(size.precision()),
        size == null ? decimalDigits : Integer.valueOf(size.scale()), numPrecRadix, nullable,
        size == null ? charOctetLength : Integer.valueOf(size.precision()), ordinalPosition, isNullable, remarks);
  }

  /**
   * The bare type name: {@code VARCHAR CHARACTER SET "UTF-8" NOT NULL} → {@code VARCHAR},
   * {@code TIMESTAMP(3)} → {@code TIMESTAMP}.
   */
  static String cleanTypeName(String typeName) {
    int end = CharMatcher.anyOf(" (").indexIn(typeName);
    return end < 0 ? typeName : typeName.substring(0, end);
  }

  @Override public Class<? extends MetaColumn> getMetaColumnClass() {
    return SmsMetaColumn.class;
  }
}
