package dev.smsjdbc.jdbc;

import dev.smsjdbc.emulator.DataSpec;
import dev.smsjdbc.emulator.EmulatorData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The catalog a GUI shows: the driver's schemas {@code sms} and {@code sms_meta} and nothing of Calcite's
 * internals, table types that cover every table, no catalog, and keys that reference keys.
 */
class CatalogTest {
  private static SmsTestDatabase db;

  @BeforeAll static void start() {
    db = new SmsTestDatabase(EmulatorData.generate(DataSpec.seed(14).jobs(2).runsPerJob(1)));
  }

  @AfterAll static void stop() {
    db.close();
  }

  @Test void everyTableIsInTheDriversSchemas() throws Exception {
    try (Connection c = db.connect(); ResultSet rs = c.getMetaData().getTables(null, null, "%", null)) {
      Set<String> schemas = new TreeSet<>(column(rs, "TABLE_SCHEM"));
      assertEquals(Set.of("sms", "sms_meta"), schemas);
    }
  }

  @Test void everyColumnIsInTheDriversSchemas() throws Exception {
    try (Connection c = db.connect(); ResultSet rs = c.getMetaData().getColumns(null, null, "%", "%")) {
      assertEquals(Set.of("sms", "sms_meta"), new TreeSet<>(column(rs, "TABLE_SCHEM")));
    }
  }

  @Test void calcitesMetadataSchemaCannotBeFound() throws Exception {
    try (Connection c = db.connect(); ResultSet rs = c.getMetaData().getTables(null, "metadata", "%", null)) {
      assertFalse(rs.next());
    }
  }

  @Test void noFunctionsOrProceduresAreListed() throws Exception {
    try (Connection c = db.connect()) {
      DatabaseMetaData md = c.getMetaData();
      try (ResultSet rs = md.getFunctions(null, null, "%")) {
        assertEquals(List.of(), column(rs, "FUNCTION_NAME"));
      }
      try (ResultSet rs = md.getProcedures(null, null, "%")) {
        assertEquals(List.of(), column(rs, "PROCEDURE_NAME"));
      }
    }
  }

  @Test void tableTypesListEveryTypeOfTable() throws Exception {
    try (Connection c = db.connect()) {
      DatabaseMetaData md = c.getMetaData();
      List<String> types;
      try (ResultSet rs = md.getTableTypes()) {
        types = column(rs, "TABLE_TYPE");
      }
      try (ResultSet rs = md.getTables(null, null, "%", null)) {
        List<String> used = column(rs, "TABLE_TYPE");
        assertTrue(types.containsAll(used), types + " lacks some of " + used);
      }
      try (ResultSet rs = md.getTables(null, null, "%", types.toArray(new String[0]))) {
        assertEquals(6, column(rs, "TABLE_NAME").size());
      }
    }
  }

  @Test void thereIsNoCatalogAndNoTableHasOne() throws Exception {
    try (Connection c = db.connect()) {
      DatabaseMetaData md = c.getMetaData();
      try (ResultSet rs = md.getCatalogs()) {
        assertFalse(rs.next());
      }
      try (ResultSet rs = md.getTables(null, null, "%", null)) {
        while (rs.next()) {
          assertNull(rs.getString("TABLE_CAT"));
        }
      }
      try (ResultSet rs = md.getSchemas()) {
        while (rs.next()) {
          assertNull(rs.getString("TABLE_CATALOG"));
        }
      }
    }
  }

  @Test void everyPrimaryKeyHasAUniqueIndex() throws Exception {
    try (Connection c = db.connect(); ResultSet rs = c.getMetaData().getIndexInfo(null, "sms", "replication_runs",
        true, true)) {
      assertTrue(rs.next());
      assertEquals("sms", rs.getString("TABLE_SCHEM"));
      assertEquals("replication_runs", rs.getString("TABLE_NAME"));
      assertFalse(rs.getBoolean("NON_UNIQUE"));
      assertEquals("replication_runs_pk", rs.getString("INDEX_NAME"));
      assertEquals(DatabaseMetaData.tableIndexOther, rs.getShort("TYPE"));
      assertEquals(1, rs.getShort("ORDINAL_POSITION"));
      assertEquals("replication_run_id", rs.getString("COLUMN_NAME"));
      assertEquals("A", rs.getString("ASC_OR_DESC"));
      assertFalse(rs.next());
    }
  }

  @Test void indexesAreThePrimaryKeysOfEveryTable() throws Exception {
    try (Connection c = db.connect()) {
      DatabaseMetaData md = c.getMetaData();
      for (String table : List.of("replication_jobs", "replication_runs", "servers", "connectors", "apps")) {
        try (ResultSet index = md.getIndexInfo(null, "sms", table, false, true);
             ResultSet key = md.getPrimaryKeys(null, "sms", table)) {
          assertEquals(column(key, "COLUMN_NAME"), column(index, "COLUMN_NAME"), table);
        }
      }
      try (ResultSet rs = md.getIndexInfo(null, "sms_meta", "api_calls", false, true)) {
        assertFalse(rs.next(), "api_calls has no key");
      }
    }
  }

  @Test void everyForeignKeyReferencesThePrimaryKeyOfItsTable() throws Exception {
    try (Connection c = db.connect()) {
      DatabaseMetaData md = c.getMetaData();
      int keys = 0;
      for (String table : List.of("replication_jobs", "replication_runs", "servers", "connectors", "apps")) {
        try (ResultSet rs = md.getImportedKeys(null, "sms", table)) {
          while (rs.next()) {
            keys++;
            try (ResultSet pk = md.getPrimaryKeys(null, rs.getString("PKTABLE_SCHEM"), rs.getString("PKTABLE_NAME"))) {
              assertEquals(List.of(rs.getString("PKCOLUMN_NAME")), column(pk, "COLUMN_NAME"),
                  rs.getString("FK_NAME"));
            }
          }
        }
      }
      assertEquals(3, keys, "runs → jobs, jobs → servers, servers → jobs");
    }
  }

  @Test void vmManagerIdIsNoForeignKey() throws Exception {
    try (Connection c = db.connect(); ResultSet rs = c.getMetaData().getExportedKeys(null, "sms", "connectors")) {
      assertFalse(rs.next());
    }
  }

  static List<String> column(ResultSet rs, String name) throws SQLException {
    List<String> values = new ArrayList<>();
    while (rs.next()) {
      values.add(rs.getString(name));
    }
    return values;
  }
}
