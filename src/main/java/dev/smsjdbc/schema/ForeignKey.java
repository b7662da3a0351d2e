package dev.smsjdbc.schema;

/**
 * A column whose values are the key of another table, such as a run's job id, or the VM manager that a
 * connector serves. SMS enforces nothing: the key is documented so that tools can draw the relationship and
 * suggest joins.
 *
 * @param column the referencing column of this table
 * @param referencedTable the table whose primary key it holds
 * @param referencedColumn that table's key column
 */
public record ForeignKey(String column, String referencedTable, String referencedColumn) {
}
