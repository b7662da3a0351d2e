package dev.smsjdbc.schema;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Only real foreign keys are declared: each references the whole primary key of a table of the schema. */
class ForeignKeyDeclarationsTest {
  @Test void everyForeignKeyReferencesThePrimaryKeyOfATable() {
    for (TableDefinition<?> table : SmsTables.ALL) {
      for (ForeignKey key : table.foreignKeys()) {
        TableDefinition<?> referenced = SmsTables.ALL.stream().filter(t -> t.name().equals(key.referencedTable()))
            .findFirst().orElseThrow(() -> new AssertionError(table.name() + " references " + key.referencedTable()));
        assertEquals(List.of(key.referencedColumn()), referenced.primaryKey(), table.name() + "." + key.column());
        assertTrue(table.column(key.column()).isPresent(), table.name() + "." + key.column());
      }
    }
  }

  @Test void vmManagerIdIsAJoinPathNotAForeignKey() {
    // The API model identifies a connector by connectorId only; vmManagerId is not unique among connectors.
    for (TableDefinition<?> table : List.of(SmsTables.REPLICATION_JOBS, SmsTables.SERVERS)) {
      assertTrue(table.foreignKeys().stream().noneMatch(k -> k.column().equals("vm_manager_id")), table.name());
      assertTrue(table.column("vm_manager_id").orElseThrow().remarks().contains("join connectors"), table.name());
    }
  }
}
