package dev.smsjdbc.schema;

/** A table of the driver's, whose name, columns, remarks and keys come from a {@link TableDefinition}. */
public interface DefinedTable {
  TableDefinition<?> definition();
}
