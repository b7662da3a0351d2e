package dev.smsjdbc.meta;

import dev.smsjdbc.schema.DefinedTable;
import org.apache.calcite.avatica.MetaImpl.MetaTable;
import org.apache.calcite.jdbc.CalciteMetaImpl.CalciteMetaTable;
import org.apache.calcite.jdbc.CalciteMetaTableFactory;
import org.apache.calcite.schema.Table;
import org.checkerframework.checker.nullness.qual.Nullable;

/** {@code DatabaseMetaData.getTables} rows with the table's remarks. */
public final class SmsMetaTableFactory implements CalciteMetaTableFactory {
  public static final SmsMetaTableFactory INSTANCE = new SmsMetaTableFactory();

  private SmsMetaTableFactory() {}

  /**
   * A table row with remarks. It must extend {@link CalciteMetaTable}, which Calcite casts to when it lists
   * columns; the field hides Avatica's always-null {@code remarks}, which is read by name.
   */
  public static final class SmsMetaTable extends CalciteMetaTable {
    public final @Nullable String remarks;

    SmsMetaTable(Table table, String tableCat, String tableSchem, String tableName, @Nullable String remarks) {
      super(table, tableCat, tableSchem, tableName);
      this.remarks = remarks;
    }
  }

  @Override public MetaTable createTable(Table table, String tableCat, String tableSchem, String tableName) {
    String remarks = table instanceof DefinedTable defined ? defined.definition().remarks() : null;
    return new SmsMetaTable(table, tableCat, tableSchem, tableName, remarks);
  }

  @Override public Class<? extends MetaTable> getMetaTableClass() {
    return SmsMetaTable.class;
  }
}
