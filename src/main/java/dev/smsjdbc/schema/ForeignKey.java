package dev.smsjdbc.schema;

/**
 * A column whose values are the primary key of another table, such as a run's job id. SMS enforces nothing:
 * the key is documented so that tools can draw the relationship and suggest joins. Columns that merely join,
 * such as {@code vm_manager_id} to {@code connectors}, are no foreign key: it must reference a key.
 *
 * @param column the referencing column of this table
 * @param referencedTable the table whose primary key it holds
 * @param referencedColumn that table's key column
 */
public record ForeignKey(String column, String referencedTable, String referencedColumn) {
}
