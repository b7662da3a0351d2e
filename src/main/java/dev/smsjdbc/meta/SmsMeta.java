package dev.smsjdbc.meta;

import dev.smsjdbc.schema.ForeignKey;
import dev.smsjdbc.schema.DefinedTable;
import dev.smsjdbc.schema.TableDefinition;
import org.apache.calcite.avatica.AvaticaUtils;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.jdbc.SmsMetaBase;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.lookup.LikePattern;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.lang.reflect.Field;
import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Calcite's {@code DatabaseMetaData} plus the keys that Calcite leaves empty: {@code getPrimaryKeys},
 * {@code getImportedKeys}, {@code getExportedKeys}, {@code getCrossReference} and {@code getIndexInfo}, read
 * from the {@link TableDefinition} of every SMS table in the connection's schemas. GUI tools use them to mark key
 * columns, draw relationships and suggest joins.
 */
public final class SmsMeta extends SmsMetaBase {
  /** Neither key is enforced, so no referential action applies. */
  private static final short NO_ACTION = (short) DatabaseMetaData.importedKeyNoAction;

  private static final List<String> PRIMARY_KEY_COLUMNS =
      List.of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "KEY_SEQ", "PK_NAME");

  private static final List<String> FOREIGN_KEY_COLUMNS = List.of("PKTABLE_CAT", "PKTABLE_SCHEM",
      "PKTABLE_NAME", "PKCOLUMN_NAME", "FKTABLE_CAT", "FKTABLE_SCHEM", "FKTABLE_NAME", "FKCOLUMN_NAME",
      "KEY_SEQ", "UPDATE_RULE", "DELETE_RULE", "FK_NAME", "PK_NAME", "DEFERRABILITY");

  private static final List<String> INDEX_INFO_COLUMNS = List.of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME",
      "NON_UNIQUE", "INDEX_QUALIFIER", "INDEX_NAME", "TYPE", "ORDINAL_POSITION", "COLUMN_NAME", "ASC_OR_DESC",
      "CARDINALITY", "PAGES", "FILTER_CONDITION");

  private SmsMeta(CalciteConnection connection) {
    super(connection, SmsMetaTableFactory.INSTANCE, SmsMetaColumnFactory.INSTANCE);
  }

  public static SmsMeta create(CalciteConnection connection) {
    return new SmsMeta(connection);
  }

  /** A row of {@code getPrimaryKeys}; fields are named after the JDBC columns, which are read by name. */
  public static final class PrimaryKeyRow {
    public final @Nullable String tableCat = null;
    public final String tableSchem;
    public final String tableName;
    public final String columnName;
    public final short keySeq;
    public final String pkName;

    PrimaryKeyRow(String tableSchem, String tableName, String columnName, short keySeq) {
      this.tableSchem = tableSchem;
      this.tableName = tableName;
      this.columnName = columnName;
      this.keySeq = keySeq;
      this.pkName = primaryKeyName(tableName);
    }
  }

  /** A row of {@code getImportedKeys}, {@code getExportedKeys} and {@code getCrossReference}. */
  public static final class ForeignKeyRow {
    public final @Nullable String pktableCat = null;
    public final String pktableSchem;
    public final String pktableName;
    public final String pkcolumnName;
    public final @Nullable String fktableCat = null;
    public final String fktableSchem;
    public final String fktableName;
    public final String fkcolumnName;
    public final short keySeq = 1;
    public final short updateRule = NO_ACTION;
    public final short deleteRule = NO_ACTION;
    public final String fkName;
    public final String pkName;
    public final short deferrability = (short) DatabaseMetaData.importedKeyNotDeferrable;

    ForeignKeyRow(String schema, String fktableName, ForeignKey key) {
      this.pktableSchem = schema;
      this.pktableName = key.referencedTable();
      this.pkcolumnName = key.referencedColumn();
      this.fktableSchem = schema;
      this.fktableName = fktableName;
      this.fkcolumnName = key.column();
      this.fkName = fktableName + "_" + key.column() + "_fk";
      this.pkName = primaryKeyName(key.referencedTable());
    }
  }

  private static String primaryKeyName(String table) {
    return table + "_pk";
  }

  @Override public MetaResultSet getPrimaryKeys(ConnectionHandle ch, @Nullable String catalog,
      @Nullable String schema, @Nullable String table) {
    List<PrimaryKeyRow> rows = new ArrayList<>();
    for (SchemaTable t : tables()) {
      if (matches(catalog, schema, table, t.schema(), t.definition().name())) {
        List<String> key = t.definition().primaryKey();
        for (int i = 0; i < key.size(); i++) {
          rows.add(new PrimaryKeyRow(t.schema(), t.definition().name(), key.get(i), (short) (i + 1)));
        }
      }
    }
    rows.sort(Comparator.comparing((PrimaryKeyRow r) -> r.columnName));
    return resultSet(PrimaryKeyRow.class, PRIMARY_KEY_COLUMNS, rows);
  }

  @Override public MetaResultSet getImportedKeys(ConnectionHandle ch, @Nullable String catalog,
      @Nullable String schema, @Nullable String table) {
    return foreignKeys(r -> matches(catalog, schema, table, r.fktableSchem, r.fktableName),
        Comparator.comparing((ForeignKeyRow r) -> r.pktableSchem).thenComparing(r -> r.pktableName));
  }

  @Override public MetaResultSet getExportedKeys(ConnectionHandle ch, @Nullable String catalog,
      @Nullable String schema, @Nullable String table) {
    return foreignKeys(r -> matches(catalog, schema, table, r.pktableSchem, r.pktableName),
        Comparator.comparing((ForeignKeyRow r) -> r.fktableSchem).thenComparing(r -> r.fktableName));
  }

  @Override public MetaResultSet getCrossReference(ConnectionHandle ch, @Nullable String parentCatalog,
      @Nullable String parentSchema, @Nullable String parentTable, @Nullable String foreignCatalog,
      @Nullable String foreignSchema, @Nullable String foreignTable) {
    return foreignKeys(r -> matches(parentCatalog, parentSchema, parentTable, r.pktableSchem, r.pktableName)
            && matches(foreignCatalog, foreignSchema, foreignTable, r.fktableSchem, r.fktableName),
        Comparator.comparing((ForeignKeyRow r) -> r.fktableSchem).thenComparing(r -> r.fktableName));
  }

  /** Each primary key's unique index, named as the key. */
  @Override public MetaResultSet getIndexInfo(ConnectionHandle ch, @Nullable String catalog,
      @Nullable String schema, @Nullable String table, boolean unique, boolean approximate) {
    List<IndexInfoRow> rows = new ArrayList<>();
    for (SchemaTable t : tables()) {
      if (matches(catalog, schema, table, t.schema(), t.definition().name())) {
        List<String> key = t.definition().primaryKey();
        for (int i = 0; i < key.size(); i++) {
          rows.add(new IndexInfoRow(t.schema(), t.definition().name(), primaryKeyName(t.definition().name()),
              (short) (i + 1), key.get(i)));
        }
      }
    }
    return resultSet(IndexInfoRow.class, INDEX_INFO_COLUMNS, rows);
  }

  /** No catalogs: TABLE_CAT is null in every other result, and a catalog named null is none. */
  @Override public MetaResultSet getCatalogs(ConnectionHandle ch) {
    return resultSet(MetaCatalog.class, List.of("TABLE_CAT"), List.of());
  }

  private MetaResultSet foreignKeys(Predicate<ForeignKeyRow> filter, Comparator<ForeignKeyRow> order) {
    List<SchemaTable> tables = tables();
    List<ForeignKeyRow> rows = new ArrayList<>();
    for (SchemaTable t : tables) {
      for (ForeignKey key : t.definition().foreignKeys()) {
        // Only relationships to the primary key of a table in the same schema of this connection are reported.
        boolean referencedExists = tables.stream().anyMatch(
            other -> other.schema().equals(t.schema()) && other.definition().name().equals(key.referencedTable())
                && other.definition().primaryKey().equals(List.of(key.referencedColumn())));
        ForeignKeyRow row = new ForeignKeyRow(t.schema(), t.definition().name(), key);
        if (referencedExists && filter.test(row)) {
          rows.add(row);
        }
      }
    }
    rows.sort(order);
    return resultSet(ForeignKeyRow.class, FOREIGN_KEY_COLUMNS, rows);
  }

  /**
   * JDBC's rules for these methods: a null catalog or schema does not narrow the search, names are exact.
   * Calcite's tables have no catalog, so only a null or empty catalog matches them. A null table matches any
   * (the JDBC API requires one, but being lenient costs nothing).
   */
  private static boolean matches(@Nullable String catalog, @Nullable String schema, @Nullable String table,
      String actualSchema, String actualTable) {
    return (catalog == null || catalog.isEmpty())
        && (schema == null || schema.equals(actualSchema))
        && (table == null || table.equals(actualTable));
  }

  /** A table of this connection that carries SMS key metadata, with the schema it is in. */
  private record SchemaTable(String schema, TableDefinition<?> definition) {}

  private List<SchemaTable> tables() {
    SchemaPlus root = ((CalciteConnection) connection).getRootSchema();
    List<SchemaTable> tables = new ArrayList<>();
    for (String schemaName : root.subSchemas().getNames(LikePattern.any())) {
      SchemaPlus schema = root.subSchemas().get(schemaName);
      if (schema == null) {
        continue;
      }
      for (String tableName : schema.tables().getNames(LikePattern.any())) {
        Optional.ofNullable(schema.tables().get(tableName))
            .filter(DefinedTable.class::isInstance)
            .map(t -> ((DefinedTable) t).definition())
            .ifPresent(d -> tables.add(new SchemaTable(schemaName, d)));
      }
    }
    return tables;
  }

  /** A metadata result set whose rows are instances of {@code rowClass}, one field per JDBC column. */
  private MetaResultSet resultSet(Class<?> rowClass, List<String> columnNames, List<?> rows) {
    List<ColumnMetaData> columns = new ArrayList<>();
    List<Field> fields = new ArrayList<>();
    List<String> fieldNames = new ArrayList<>();
    for (String name : columnNames) {
      String fieldName = AvaticaUtils.toCamelCase(name);
      Field field;
      try {
        field = rowClass.getField(fieldName);
      } catch (NoSuchFieldException e) {
        throw new IllegalStateException(rowClass + " lacks the field of column " + name, e);
      }
      columns.add(columnMetaData(name, columns.size(), field.getType(), getColumnNullability(field)));
      fields.add(field);
      fieldNames.add(fieldName);
    }
    @SuppressWarnings("unchecked")
    Iterable<Object> iterable = (Iterable<Object>) rows;
    return createResultSet(Map.of(), columns, CursorFactory.record(rowClass, fields, fieldNames),
        new Frame(0, true, iterable));
  }

  // Transactions of a read-only source (ReadOnlyTransactions): Calcite's would throw
  // UnsupportedOperationException from commit and rollback, and start with auto-commit off.
  private final ReadOnlyTransactions transactions = new ReadOnlyTransactions();

  @Override public ConnectionProperties connectionSync(ConnectionHandle ch, ConnectionProperties props) {
    return transactions.sync(connProps, props, requested -> super.connectionSync(ch, requested));
  }

  @Override public void commit(ConnectionHandle ch) {
    // nothing to commit
  }

  @Override public void rollback(ConnectionHandle ch) {
    // nothing to roll back
  }
}
