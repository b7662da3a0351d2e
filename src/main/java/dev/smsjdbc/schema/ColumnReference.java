package dev.smsjdbc.schema;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The README's tables-and-columns reference, generated from the column metadata ({@link SmsTables#ALL}), so
 * that the documentation cannot drift from what {@code DatabaseMetaData} reports. {@code ColumnReferenceTest}
 * fails, and prints the fresh text, when the checked-in block differs.
 */
public final class ColumnReference {
  private ColumnReference() {}

  /** Marks the start of the generated block in README.md. */
  public static final String START = "<!-- columns:start -->";
  /** Marks its end. */
  public static final String END = "<!-- columns:end -->";

  /** The markdown of every table, as it stands between {@link #START} and {@link #END}. */
  public static String markdown() {
    return markdown(SmsTables.ALL, "") + "\n" + markdown(SmsTables.META, SmsMetaSchema.NAME + ".");
  }

  static String markdown(List<TableDefinition<?>> tables, String schemaPrefix) {
    return tables.stream().map(t -> table(t, schemaPrefix)).collect(Collectors.joining("\n"));
  }

  private static String table(TableDefinition<?> table, String schemaPrefix) {
    StringBuilder md = new StringBuilder();
    md.append("### `").append(schemaPrefix).append(table.name()).append("`\n\n");
    md.append(table.remarks()).append("\n\n");
    if (!table.primaryKey().isEmpty()) {
      md.append("Primary key: ").append(codeList(table.primaryKey())).append('.');
    }
    for (ForeignKey key : table.foreignKeys()) {
      md.append(" Foreign key: `").append(key.column()).append("` → `").append(key.referencedTable())
          .append('.').append(key.referencedColumn()).append("`.");
    }
    md.append(table.primaryKey().isEmpty() && table.foreignKeys().isEmpty() ? "" : "\n\n")
        .append("| column | type | description |\n|---|---|---|\n");
    for (Column<?> column : table.columns()) {
      md.append("| `").append(column.name()).append("` | ").append(column.type().getName())
          .append(column.nullable() ? "" : " NOT NULL").append(" | ")
          .append(column.remarks().replace("|", "\\|")).append(" |\n");
    }
    return md.toString();
  }

  private static String codeList(List<String> names) {
    return names.stream().map(n -> "`" + n + "`").collect(Collectors.joining(", "));
  }

  /** Prints the block, for pasting into README.md. */
  public static void main(String[] args) {
    System.out.print(markdown());
  }
}
